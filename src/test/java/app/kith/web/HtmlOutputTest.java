package app.kith.web;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlOutputTest {
    @Test
    void textValuesAndStaticBytesComeOutAsUtf8InOrder() {
        HtmlOutput output = new HtmlOutput(0);
        output.writeBinaryContent("<p>".getBytes(StandardCharsets.UTF_8));
        output.writeContent("Zoë Ødegård 王芳 🙂 ok");
        output.writeContent("--[skip]--", 3, 7);
        output.writeUserContent(0);
        output.writeUserContent(42L);
        output.writeUserContent(-7);
        output.writeUserContent(Long.MAX_VALUE);
        output.writeBinaryContent("</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(written(output), StandardCharsets.UTF_8))
                .isEqualTo("<p>Zoë Ødegård 王芳 🙂 okskip042-7" + Long.MAX_VALUE + "</p>");
        assertThat(output.length()).isEqualTo(written(output).length);
    }

    @Test
    void aLoneHalfOfASurrogatePairBecomesAQuestionMarkAsStringGetBytesWrites() {
        String broken = "a\uD83Db\uDE42c\uD83D";
        HtmlOutput output = new HtmlOutput(0);
        output.writeContent(broken);
        assertThat(written(output)).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void anyTextIsEncodedAsStringGetBytesEncodesIt(@ForAll String text, @ForAll String more) {
        HtmlOutput output = new HtmlOutput(1);
        output.writeContent(text);
        output.writeBinaryContent(more.getBytes(StandardCharsets.UTF_8));
        output.writeContent(more, 0, more.length() / 2);
        // Each piece on its own, as String.getBytes would: a surrogate pair cut by a range's end gives a '?'.
        assertThat(written(output)).isEqualTo(concat(text.getBytes(StandardCharsets.UTF_8),
                more.getBytes(StandardCharsets.UTF_8), more.substring(0, more.length() / 2).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLongValueGrowsThePageWhereverItsWideCharactersFall() {
        String value = "ascii then wide: ".repeat(20) + "王芳🙂é".repeat(200) + "ascii again".repeat(50);
        HtmlOutput output = new HtmlOutput(0);
        output.writeContent("x");
        output.writeContent(value);
        assertThat(written(output)).isEqualTo(("x" + value).getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void anyNumberIsWrittenAsItsDecimalDigits(@ForAll long number) {
        HtmlOutput output = new HtmlOutput(0);
        output.writeUserContent(number);
        assertThat(new String(written(output), StandardCharsets.US_ASCII)).isEqualTo(Long.toString(number));
    }

    /** What the output sends: the first {@code length()} bytes of its array, which must match its copy. */
    private static byte[] written(HtmlOutput output) {
        byte[] sent = Arrays.copyOf(output.bytesInPlace(), output.length());
        assertThat(output.bytes()).isEqualTo(sent);
        return sent;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
