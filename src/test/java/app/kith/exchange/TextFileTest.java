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
        // One accented letter is enough to tell: the stray byte is no reason to garble it.
        assertThatThrownBy(() -> TextFile.decode(concat("Zoë ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9})))
                .hasMessageStartingWith("line 1 holds a byte that is not UTF-8");
        // A lone lead byte, and a surrogate written in UTF-8 (no character either), are stray bytes too.
        assertThatThrownBy(() -> TextFile.decode(concat("éèà\n\n".getBytes(StandardCharsets.UTF_8), new byte[] {'a', (byte) 0xC3, 'b'})))
                .hasMessageStartingWith("line 3 holds a byte that is not UTF-8");
        assertThatThrownBy(() -> TextFile.decode(concat("éè\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})))
                .hasMessageStartingWith("line 2 holds a byte that is not UTF-8");
        // Lines that end in a lone CR (an old Mac's) are counted as lines too.
        assertThatThrownBy(() -> TextFile.decode(concat("Zoë\rMüller\r".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF})))
                .hasMessageStartingWith("line 3 holds a byte that is not UTF-8");
        // In a file that says it is UTF-8, by its byte-order mark, any stray byte is one.
        assertThatThrownBy(() -> TextFile.decode(concat("\uFEFFName\nAda\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF})))
                .hasMessageStartingWith("line 3 holds a byte that is not UTF-8, though the file says it is (it starts with UTF-8's byte-order mark)");
    }

    @Test
    void aWindows1252FileWithAPairOfBytesThatReadsAsOneUtf8CharacterIsStillWindows1252() {
        // ß followed by “ (DF 93) is well-formed UTF-8 for U+07D3, by chance: one such pair among other accents is no UTF-8 file.
        String text = "Name,Note\nGroß“Mann”,Zoë Renée, ÉCOLE\u00A0LIBRE\n";

        assertThat(TextFile.decode(text.getBytes(Charset.forName("windows-1252")))).isEqualTo(text);
    }

    @Test
    void aLineFoldedInsideACharacterIsFoldedBeforeItSoThatUnfoldingJoinsItWhole() {
        // As some phones write a vCard: cut at 75 bytes, within "é" (C3 A9).
        byte[] bytes = concat("BEGIN:VCARD\r\nFN:Zoë Müller Ångström\r\nNOTE:caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '\r', '\n', ' ',
                (byte) 0xA9}, " au lait\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(TextFile.decode(bytes, true)).isEqualTo("BEGIN:VCARD\r\nFN:Zoë Müller Ångström\r\nNOTE:caf\r\n é au lait\r\nEND:VCARD\r\n");
        assertThat(VCardImport.parse(TextFile.decode(bytes, true)).rows().get(0).draft().notes()).isEqualTo("café au lait");
        // With UTF-8's byte-order mark too.
        assertThat(TextFile.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes), true)).startsWith("BEGIN:VCARD");
        // A file whose lines do not fold (CSV) is not rewritten: its stray byte is told.
        assertThatThrownBy(() -> TextFile.decode(bytes, false)).hasMessageStartingWith("line 3 holds a byte that is not UTF-8");
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
