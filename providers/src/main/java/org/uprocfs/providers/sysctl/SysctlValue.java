package org.uprocfs.providers.sysctl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The value of one sysctl row: a vector of numbers or a byte string. */
public sealed interface SysctlValue permits SysctlValue.Numbers, SysctlValue.Text {

    /** A vector of numbers; unsigned rows keep their bits in a long. */
    record Numbers(List<Long> values) implements SysctlValue {

        public Numbers {
            values = List.copyOf(values);
        }

        /** A vector of the given numbers. */
        public static Numbers of(long... numbers) {
            return new Numbers(Arrays.stream(numbers).boxed().toList());
        }

        /** The number at {@code index}. */
        public long get(int index) {
            return values.get(index);
        }

        /** How many numbers the vector holds. */
        public int size() {
            return values.size();
        }
    }

    /** A string as the kernel keeps it: bytes without NUL or newline. */
    record Text(byte[] bytes) implements SysctlValue {

        public Text {
            bytes = bytes.clone();
        }

        /** The UTF-8 bytes of {@code text}. */
        public static Text of(String text) {
            return new Text(text.getBytes(StandardCharsets.UTF_8));
        }

        /** A copy of the bytes. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The bytes decoded as UTF-8. */
        public String asString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** How many bytes the string holds. */
        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text text && Arrays.equals(bytes, text.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Text[" + asString() + "]";
        }
    }
}
