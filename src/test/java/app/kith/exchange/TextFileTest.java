package app.kith.exchange;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextFileTest {
    @Test
    void utf8IsReadAsItIsEvenWhenItHoldsAReplacementCharacter() {
        assertThat(TextFile.decode("Zoë Åberg".getBytes(StandardCharsets.UTF_8))).isEqualTo("Zoë Åberg");
        assertThat(TextFile.decode("a \uFFFD b".getBytes(StandardCharsets.UTF_8))).isEqualTo("a \uFFFD b");
        assertThat(TextFile.decode("\uFEFFZoë".getBytes(StandardCharsets.UTF_8))).isEqualTo("Zoë");
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() {
        byte[] windows = "Zoë, Renée – 5 €".getBytes(Charset.forName("windows-1252"));

        assertThat(TextFile.decode(windows)).isEqualTo("Zoë, Renée – 5 €");
    }

    @Test
    void utf8WithAStrayByteIsRefusedWithItsLineNotReadAsWindows1252() {
        byte[] bytes = concat("Name,City\nZoë Müller,München\nStray Byte,Ber".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                "lin\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TextFile.decode(bytes)).isInstanceOf(ImportException.class)
                .hasMessage("line 3 holds a byte that is not UTF-8, though the file's other accented letters are: retype that line's"
                        + " accented letters, or save the file again as UTF-8; nothing was imported");
        // A lone lead byte, and a surrogate written in UTF-8 (no character either), are stray bytes too.
        assertThatThrownBy(() -> TextFile.decode(concat("é\n\n".getBytes(StandardCharsets.UTF_8), new byte[] {'a', (byte) 0xC3, 'b'})))
                .hasMessageStartingWith("line 3 holds a byte that is not UTF-8");
        assertThatThrownBy(() -> TextFile.decode(concat("é\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})))
                .hasMessageStartingWith("line 2 holds a byte that is not UTF-8");
    }

    @Test
    void aLineFoldedInsideACharacterIsFoldedBeforeItSoThatUnfoldingJoinsItWhole() {
        // As some phones write a vCard: cut at 75 bytes, within "é" (C3 A9).
        byte[] bytes = concat("BEGIN:VCARD\r\nFN:Zoë\r\nNOTE:caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '\r', '\n', ' ',
                (byte) 0xA9}, " au lait\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(TextFile.decode(bytes)).isEqualTo("BEGIN:VCARD\r\nFN:Zoë\r\nNOTE:caf\r\n é au lait\r\nEND:VCARD\r\n");
        assertThat(VCardImport.parse(TextFile.decode(bytes)).rows().get(0).draft().notes()).isEqualTo("café au lait");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void aUtf8ByteOrderMarkBeforeBytesThatAreNotUtf8Fails() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'Z', 'o', (byte) 0xEB};

        assertThatThrownBy(() -> TextFile.decode(bytes)).isInstanceOf(ImportException.class).hasMessageContaining("byte-order mark");
    }
}
