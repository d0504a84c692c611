package org.uprocfs.providers.selftest;

import org.uprocfs.core.api.SeqBuffer;

/** A benchmark fixture shaped like /proc/cpuinfo of a two-CPU machine: about 2.6 KiB, rendered on every open. */
final class CpuinfoLikeFile {
    private static final int CPUS = 2;
    private static final String FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36"
            + " clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl"
            + " xtopology nonstop_tsc cpuid extd_apicid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1"
            + " sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm"
            + " cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw topoext vmmcall fsgsbase tsc_adjust"
            + " bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb"
            + " avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves avx512_bf16 clzero xsaveerptr arat"
            + " avx512vbmi umip avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid"
            + " fsrm";

    void show(SeqBuffer buffer) {
        for (int cpu = 0; cpu < CPUS; cpu++) {
            buffer.puts("processor\t: ").putLong(cpu).putc('\n');
            buffer.puts("vendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\nmodel name\t: AMD EPYC\n");
            buffer.puts("stepping\t: 1\nmicrocode\t: 0x1000065\ncpu MHz\t\t: 2596.150\ncache size\t: 1024 KB\n");
            buffer.puts("physical id\t: 0\nsiblings\t: ").putLong(CPUS).puts("\ncore id\t\t: ").putLong(cpu);
            buffer.puts("\ncpu cores\t: ").putLong(CPUS).puts("\napicid\t\t: ").putLong(cpu);
            buffer.puts("\ninitial apicid\t: ").putLong(cpu).putc('\n');
            buffer.puts("fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: 28\nwp\t\t: yes\n");
            buffer.puts("flags\t\t: ").puts(FLAGS).putc('\n');
            buffer.puts("bugs\t\t: sysret_ss_attrs null_seg spectre_v1 spectre_v2 spec_store_bypass srso"
                    + " spectre_v2_user\n");
            buffer.puts("bogomips\t: 5192.30\nTLB size\t: 3584 4K pages\nclflush size\t: 64\n");
            buffer.puts("cache_alignment\t: 64\naddress sizes\t: 48 bits physical, 48 bits virtual\n");
            buffer.puts("power management:\n\n");
        }
    }
}
