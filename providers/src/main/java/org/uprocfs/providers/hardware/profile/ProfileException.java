package org.uprocfs.providers.hardware.profile;

/** A machine profile that cannot be used; the message names the JSON field and the reason. */
public final class ProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ProfileException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public ProfileException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
    }

    /** The path of the offending field, e.g. {@code iomem[3].children[0].end}. */
    public String field() {
        return field;
    }
}
