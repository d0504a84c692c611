package org.uprocfs.mount.fuse;

import ru.serce.jnrfuse.struct.Timespec;

/**
 * Whether a utimens call sets explicit times or only "now". Without writeback caching the kernel's FUSE
 * layer sends "now" as the current time rather than UTIME_NOW (iattr_to_fattr sets FATTR_ATIME_NOW only
 * with trust_local_cmtime), so a time within a moment of the wall clock counts as "now" too.
 */
final class TimesWanted {
    /** UTIME_NOW and UTIME_OMIT of utimensat(2): ((1l << 30) - 1l) and ((1l << 30) - 2l). */
    private static final long UTIME_NOW = (1L << 30) - 1;
    private static final long UTIME_OMIT = (1L << 30) - 2;
    /** How far from the wall clock a time may be and still be the kernel's "now". */
    private static final long NOW_SLACK_SECONDS = 2;

    private TimesWanted() {
    }

    static boolean explicit(Timespec[] times) {
        return explicit(times, System.currentTimeMillis() / 1000);
    }

    static boolean explicit(Timespec[] times, long nowSeconds) {
        if (times == null) {
            return false;
        }
        for (Timespec time : times) {
            if (time == null) {
                continue;
            }
            long nanos = time.tv_nsec.longValue();
            if (nanos == UTIME_NOW || nanos == UTIME_OMIT) {
                continue;
            }
            if (Math.abs(time.tv_sec.get() - nowSeconds) > NOW_SLACK_SECONDS) {
                return true;
            }
        }
        return false;
    }
}
