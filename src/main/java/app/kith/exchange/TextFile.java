package app.kith.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an import file's bytes into text: UTF-8 (with or without a byte-order mark, or UTF-16 with one), else
 * Windows-1252, which is what Outlook writes its CSV in on most Western machines.
 */
final class TextFile {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextFile() {
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        try {
            return strictUtf8(bytes, 0);
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
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
            if (charset == StandardCharsets.UTF_8) {
                return strictUtf8(bytes, offset);
            }
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
