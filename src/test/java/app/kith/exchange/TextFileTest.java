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
    void aUtf8ByteOrderMarkBeforeBytesThatAreNotUtf8Fails() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'Z', 'o', (byte) 0xEB};

        assertThatThrownBy(() -> TextFile.decode(bytes)).isInstanceOf(ImportException.class).hasMessageContaining("byte-order mark");
    }
}
