package app.kith.web;

import gg.jte.TemplateOutput;

import java.util.Arrays;

/**
 * A page being rendered, as UTF-8 in one growing array: the templates' static text (precompiled to bytes) is copied
 * in, values are encoded straight into it. jte's own byte output keeps a list of small arrays, one per value, which
 * cost more than the rendering on a page of a few thousand values.
 */
final class HtmlOutput implements TemplateOutput {
    private byte[] bytes;
    private int length;

    HtmlOutput(int capacity) {
        bytes = new byte[Math.max(capacity, 256)];
    }

    @Override
    public void writeBinaryContent(byte[] content) {
        room(content.length);
        System.arraycopy(content, 0, bytes, length, content.length);
        length += content.length;
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        room(endIndex - beginIndex);
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (length == bytes.length) {
                    room(endIndex - i);
                }
                bytes[length++] = (byte) c;
            } else {
                i = writeNonAscii(value, i, endIndex);
            }
        }
    }

    @Override
    public void writeUserContent(int value) {
        writeUserContent((long) value);
    }

    @Override
    public void writeUserContent(long value) {
        if (value < 0 || value > 999_999_999_999L) {
            writeContent(Long.toString(value));
            return;
        }
        room(12);
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    /** Writes the character at {@code index} (two chars for a surrogate pair) and returns the index of its last char. */
    private int writeNonAscii(String value, int index, int endIndex) {
        room(4);
        char c = value.charAt(index);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
            return index;
        }
        if (Character.isHighSurrogate(c) && index + 1 < endIndex && Character.isLowSurrogate(value.charAt(index + 1))) {
            int codePoint = Character.toCodePoint(c, value.charAt(index + 1));
            bytes[length++] = (byte) (0xF0 | codePoint >> 18);
            bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
            return index + 1;
        }
        if (Character.isSurrogate(c)) {
            // A lone half of a pair has no UTF-8 form: '?' as String.getBytes writes.
            bytes[length++] = '?';
            return index;
        }
        bytes[length++] = (byte) (0xE0 | c >> 12);
        bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[length++] = (byte) (0x80 | c & 0x3F);
        return index;
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** The array written to, of which the first {@link #length} bytes are the page: not a copy. */
    byte[] bytesInPlace() {
        return bytes;
    }
}
