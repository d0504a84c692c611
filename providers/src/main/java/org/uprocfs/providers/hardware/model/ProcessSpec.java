package org.uprocfs.providers.hardware.model;

import java.util.List;

/**
 * One user-space process of the profile's process table, in boot order (the first is init); every field but
 * {@code comm} is optional and null when the profile leaves it out.
 *
 * @param cmdline the argv; a single string such as {@code sshd: alice [priv]} is a setproctitle title
 * @param parent the index or the comm of an earlier entry; init when absent
 * @param cpuShare the share of the machine's busy CPU time the process uses
 * @param state the letter of a state the leader keeps (R, S, D or T); S when absent
 * @param tty the controlling terminal, {@code pts/N} or {@code ttyN}
 * @param count how many identical processes to start, e.g. worker pools
 * @param loginUid the audit login uid this process and its children carry, as pam_loginuid sets it
 */
public record ProcessSpec(String comm, List<String> cmdline, Integer uid, Integer gid, List<Integer> groups,
        Integer threads, List<String> threadNames, Long rssKb, Long vsizeKb, Long shmemKb, Double cpuShare,
        String state, String parent, List<String> files, Integer sockets, Integer pipes, List<String> environment,
        String cwd, String exe, String cgroup, Integer nice, String tty, Integer count, Integer oomScoreAdj,
        Integer loginUid) {

    public ProcessSpec {
        cmdline = copy(cmdline);
        groups = copy(groups);
        threadNames = copy(threadNames);
        files = copy(files);
        environment = copy(environment);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
