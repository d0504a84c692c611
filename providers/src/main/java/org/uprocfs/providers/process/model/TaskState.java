package org.uprocfs.providers.process.model;

/** A task's scheduler state with the letter and word of the kernel's task_state_array (fs/proc/array.c). */
public enum TaskState {
    RUNNING('R', "running"),
    SLEEPING('S', "sleeping"),
    DISK_SLEEP('D', "disk sleep"),
    STOPPED('T', "stopped"),
    TRACING_STOP('t', "tracing stop"),
    DEAD('X', "dead"),
    ZOMBIE('Z', "zombie"),
    PARKED('P', "parked"),
    IDLE('I', "idle");

    private final char letter;
    private final String word;

    TaskState(char letter, String word) {
        this.letter = letter;
        this.word = word;
    }

    /** The letter of stat field 3, e.g. {@code S}. */
    public char letter() {
        return letter;
    }

    /** The word status shows in parentheses, e.g. {@code sleeping}. */
    public String word() {
        return word;
    }

    /** The value of status' State line, e.g. {@code S (sleeping)}. */
    public String statusText() {
        return letter + " (" + word + ")";
    }
}
