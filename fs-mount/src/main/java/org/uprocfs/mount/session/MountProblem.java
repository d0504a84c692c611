package org.uprocfs.mount.session;

/** A mistake or missing prerequisite the user can fix, said in one plain sentence. */
public final class MountProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public MountProblem(String sentence, int exitCode) {
        super(sentence, null, false, false);
        this.exitCode = exitCode;
    }

    /** The process exit code the CLI uses for this problem. */
    public int exitCode() {
        return exitCode;
    }
}
