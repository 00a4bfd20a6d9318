package app.kith.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns an import file's bytes into text: UTF-8 (with or without a byte-order mark, or UTF-16 with one), else
 * Windows-1252, which is what Outlook writes its CSV in on most Western machines. A file of UTF-8 with a stray byte
 * that is none is refused, with its line, rather than read whole as Windows-1252 (every "ë" would become "Ã«").
 */
final class TextFile {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextFile() {
    }

    /** As {@link #decode(byte[], boolean)}, for a file whose lines do not fold (a CSV file). */
    static String decode(byte[] bytes) {
        return decode(bytes, false);
    }

    /**
     * The file's text; {@code folds} for a file whose long lines are folded (a vCard's), where a fold inside a
     * character is moved before it (see {@link #foldsBetweenCharacters}).
     */
    static String decode(byte[] bytes, boolean folds) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return utf8(bytes, 3, folds, true);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        String text = utf8(bytes, 0, folds, false);
        return text != null ? text : new String(bytes, WINDOWS_1252);
    }

    /**
     * The bytes from {@code offset} as UTF-8, their folds inside characters moved first if {@code folds}; null if they
     * are no UTF-8. A stray byte that is no UTF-8 is refused with its line in a file {@code marked} UTF-8 (its
     * byte-order mark), or in one holding any character that tells it is UTF-8 (see {@link Utf8Scan#telling}):
     * read as Windows-1252, those would be garbled without a word.
     */
    private static String utf8(byte[] bytes, int offset, boolean folds, boolean marked) {
        byte[] read = folds ? foldsBetweenCharacters(bytes) : bytes;
        try {
            return strictUtf8(read, offset);
        } catch (CharacterCodingException notUtf8) {
            Utf8Scan scan = Utf8Scan.of(read, offset);
            if (marked || scan.characters() > 0) {
                throw new ImportException("line " + scan.firstBadLine() + " holds a byte that is not UTF-8, though "
                        + (marked ? "the file says it is (it starts with UTF-8's byte-order mark)" : "the file's other accented letters are")
                        + ": retype that line's accented letters, or save the file again as UTF-8");
            }
            return null;
        }
    }

    /**
     * The bytes with each line folded inside a character (a vCard's line cut at 75 bytes, as some phones export it:
     * {@code caf\xC3 CRLF SPACE \xA9}) folded before that character instead; the bytes themselves if there is none. The
     * fold stays, so that the file keeps its lines; unfolding it then joins the character whole. Only a break and one
     * space or tab followed by a continuation byte (10xxxxxx) is such a fold: in text no character starts with one.
     */
    private static byte[] foldsBetweenCharacters(byte[] bytes) {
        byte[] moved = null;
        for (int i = 0; i < bytes.length; i++) {
            byte[] at = moved == null ? bytes : moved;
            int breakLength = at[i] == '\r' && i + 1 < at.length && at[i + 1] == '\n' ? 2 : at[i] == '\n' ? 1 : 0;
            int blank = i + breakLength;
            if (breakLength == 0 || blank + 1 >= at.length || at[blank] != ' ' && at[blank] != '\t' || !continuation(at[blank + 1])) {
                continue;
            }
            int lead = i - 1;
            while (lead >= 0 && continuation(at[lead])) {
                lead--;
            }
            if (lead < 0 || (at[lead] & 0xC0) != 0xC0) {
                continue;
            }
            if (moved == null) {
                moved = bytes.clone();
                at = moved;
            }
            // [lead, i) is the character's start, [i, blank] the fold: the fold first, then the start.
            byte[] start = Arrays.copyOfRange(at, lead, i);
            System.arraycopy(at, i, at, lead, blank + 1 - i);
            System.arraycopy(start, 0, at, lead + blank + 1 - i, start.length);
            i = blank;
        }
        return moved == null ? bytes : moved;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * How many characters of more than one byte that tell it is UTF-8 a file holds, and the line of its first stray
     * byte, of no such character (lines end at CRLF, LF or a lone CR).
     */
    private record Utf8Scan(int characters, int firstBadLine) {
        static Utf8Scan of(byte[] bytes, int offset) {
            int characters = 0;
            int line = 1;
            int badLine = 0;
            for (int i = offset; i < bytes.length; i++) {
                int b = bytes[i] & 0xFF;
                if (b == '\n' || b == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                    line++;
                }
                if (b < 0x80) {
                    continue;
                }
                int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
                int end = i + length;
                boolean whole = length > 0 && end <= bytes.length && secondFits(b, bytes[i + 1] & 0xFF);
                for (int k = i + 1; whole && k < end; k++) {
                    whole = continuation(bytes[k]);
                }
                if (whole) {
                    characters += telling(codePoint(bytes, i, length)) ? 1 : 0;
                    i = end - 1;
                } else if (badLine == 0) {
                    badLine = line;
                }
            }
            return new Utf8Scan(characters, Math.max(badLine, 1));
        }

        /**
         * Whether a character read as UTF-8 tells that the file is UTF-8: not one that a pair of Windows-1252
         * characters makes by chance (a capital with an accent, or ß, and a sign: ß“ reads as U+07D3, É and a no-break
         * space as U+0260), but a Latin letter with an accent, a Greek or Cyrillic letter, or any character of three
         * bytes or more (’, €, and every Asian script).
         */
        private static boolean telling(int c) {
            return c >= 0x800 || Character.isLetter(c) && (c >= 0xC0 && c <= 0x24F || c >= 0x370 && c <= 0x52F);
        }

        private static int codePoint(byte[] bytes, int at, int length) {
            int c = bytes[at] & (0xFF >> (length + 1));
            for (int k = at + 1; k < at + length; k++) {
                c = c << 6 | bytes[k] & 0x3F;
            }
            return c;
        }

        /** The second byte's narrower range after some leads: no overlong form, no surrogate, nothing past U+10FFFF. */
        private static boolean secondFits(int lead, int second) {
            return switch (lead) {
                case 0xE0 -> second >= 0xA0 && second <= 0xBF;
                case 0xED -> second >= 0x80 && second <= 0x9F;
                case 0xF0 -> second >= 0x90 && second <= 0xBF;
                case 0xF4 -> second >= 0x80 && second <= 0x8F;
                default -> true;
            };
        }
    }

    /**
     * UTF-8 that fails on a malformed byte. String's own decoding is several times faster than a CharsetDecoder and
     * turns every malformed sequence into U+FFFD: only a text that then holds one needs the strict decoder's verdict.
     */
    private static String strictUtf8(byte[] bytes, int offset) throws CharacterCodingException {
        String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ImportException("the file starts with a " + charset.name() + " byte-order mark but is not "
                    + charset.name() + " text: save it again as UTF-8");
        }
    }
}
