package org.uprocfs.providers.hardware.entries;

/** The octal escaping procfs applies to paths and names in mount-like files ({@code mangle}, {@code seq_escape}). */
final class Mounts {
    private Mounts() {
    }

    static String escape(String text, String special) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append('\\').append((char) ('0' + ((c >> 6) & 7))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
