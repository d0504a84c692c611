package org.uprocfs.providers.sysctl;

import java.util.ArrayList;
import java.util.List;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * The write half of {@code __do_proc_dointvec} and {@code __do_proc_doulongvec_minmax}: parse up to N
 * values, refuse bad ones with EINVAL, and report how many bytes were taken.
 */
final class NumericWrite {
    /** The kernel looks at no more than PAGE_SIZE - 1 bytes of one write. */
    static final int WRITE_WINDOW = 4095;

    private NumericWrite() {
    }

    /**
     * Applies {@code data} to {@code current}. Values after the N-th are left unread and give a short count
     * (the kernel's {@code *lenp -= left}); fewer than N values replace only the leading ones, as on Linux.
     * Unlike the kernel, which stores each value as soon as it is parsed, nothing is stored unless every
     * value is valid: the caller commits the returned vector in one step.
     */
    static Outcome apply(SysctlType.Numeric type, SysctlValue.Numbers current, byte[] data) {
        KernelNumberLexer lexer = new KernelNumberLexer(data, Math.min(data.length, WRITE_WINDOW));
        List<Long> taken = new ArrayList<>(type.count());
        while (lexer.left() > 0 && taken.size() < type.count()) {
            lexer.skipSpaces();
            if (lexer.left() == 0) {
                break;
            }
            taken.add(convert(type, taken.size(), lexer.next()));
        }
        if (taken.isEmpty()) {
            // Whitespace only: the kernel's "if (write && first) return -EINVAL".
            throw new ProcException(Errno.EINVAL, "no value");
        }
        if (lexer.left() > 0) {
            lexer.skipSpaces();
        }
        List<Long> merged = new ArrayList<>(current.values());
        for (int i = 0; i < taken.size(); i++) {
            merged.set(i, taken.get(i));
        }
        checkOrder(type, merged);
        return new Outcome(new SysctlValue.Numbers(merged), data.length - lexer.left());
    }

    /** Parses a stored value strictly: exactly N valid values and nothing else; EINVAL otherwise. */
    static SysctlValue.Numbers parseExact(SysctlType.Numeric type, byte[] text) {
        KernelNumberLexer lexer = new KernelNumberLexer(text, text.length);
        List<Long> values = new ArrayList<>(type.count());
        while (values.size() < type.count()) {
            lexer.skipSpaces();
            values.add(convert(type, values.size(), lexer.next()));
        }
        lexer.skipSpaces();
        if (lexer.left() != 0) {
            throw new ProcException(Errno.EINVAL, "more than " + type.count() + " values");
        }
        checkOrder(type, values);
        return new SysctlValue.Numbers(values);
    }

    private static long convert(SysctlType.Numeric type, int index, KernelNumberLexer.Token token) {
        SysctlType.Bound bound = type.bounds().get(index);
        long value;
        if (type instanceof SysctlType.IntVector) {
            // do_proc_dointvec_conv: the magnitude must fit an int, with one more for a negative.
            long limit = token.negative() ? 1L + Integer.MAX_VALUE : Integer.MAX_VALUE;
            if (Long.compareUnsigned(token.magnitude(), limit) > 0) {
                throw new ProcException(Errno.EINVAL, "value does not fit an int");
            }
            value = token.negative() ? -token.magnitude() : token.magnitude();
            if (value < bound.min() || value > bound.max()) {
                throw new ProcException(Errno.EINVAL, value + " outside [" + bound.min() + ", " + bound.max() + "]");
            }
        } else {
            // __do_proc_doulongvec_minmax refuses a minus sign outright.
            if (token.negative()) {
                throw new ProcException(Errno.EINVAL, "negative value for an unsigned row");
            }
            value = token.magnitude();
            if (Long.compareUnsigned(value, bound.min()) < 0 || Long.compareUnsigned(value, bound.max()) > 0) {
                throw new ProcException(Errno.EINVAL, Long.toUnsignedString(value) + " outside [" + bound.min()
                        + ", " + bound.max() + "]");
            }
        }
        return value;
    }

    private static void checkOrder(SysctlType.Numeric type, List<Long> values) {
        if (type instanceof SysctlType.IntVector ints && ints.nonDecreasing()) {
            for (int i = 1; i < values.size(); i++) {
                if (values.get(i) < values.get(i - 1)) {
                    throw new ProcException(Errno.EINVAL, "value " + (i + 1) + " is below value " + i);
                }
            }
        }
    }

    /** The vector to commit and the byte count to report. */
    record Outcome(SysctlValue.Numbers value, int taken) {
    }
}
