package app.kith.cli;

import app.kith.shared.PlainText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the commands print, without the control characters a terminal would obey (an escape sequence retitles the
 * window or clears the screen) or the bidirectional overrides that would turn the rest of a line around
 * ({@link PlainText#isControl}): fields are cleaned as they are saved, but a restored backup or a database written by
 * an older version may still hold some. Line breaks, carriage returns (a vCard's lines end in them) and tabs pass.
 */
final class TerminalWriter extends FilterWriter {
    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (!dropped((char) c)) {
            out.write(c);
        }
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        write(new String(text, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (dropped(text.charAt(i))) {
                out.write(text, start, i - start);
                start = i + 1;
            }
        }
        out.write(text, start, end - start);
    }

    private static boolean dropped(char c) {
        return PlainText.isControl(c) && c != '\n' && c != '\r' && c != '\t';
    }
}
