package app.kith.contact;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written checks accept exactly what the patterns they stand for match. */
class FieldFormatsTest {
    /** What no field holds: control characters and bidirectional overrides ({@code PlainText.isControl}). */
    private static final String CONTROL = "\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069";
    private static final Pattern STORED_EMAIL = Pattern.compile("[^@\\s" + CONTROL + "]+@[^@\\s" + CONTROL + "]+");
    private static final String LABEL = "[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\]\\\\,;:\"" + CONTROL + "]+@" + LABEL + "(?:\\." + LABEL + ")+");
    private static final Pattern PHONE = Pattern.compile("[+(\\d][\\p{L}\\d\\s().\\-/+*#,;]{2,39}");
    private static final Pattern THREE_DIGITS = Pattern.compile("(?s).*\\d.*\\d.*\\d.*");
    private static final Pattern LINKEDIN = Pattern.compile("https?://([\\w-]+\\.)?linkedin\\.com/[^\\s" + CONTROL + "]+");

    /** Random texts built from pieces that sit on the edges of the three patterns. */
    private static List<String> texts(long seed, int count, String... pieces) {
        Random random = new Random(seed);
        String[] singles = {"@", " ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "+", "(", ")", ".", "-", "/", "x", "X", "_", "0", "7",
                "a", "Z", "é", "\uD83D\uDE00", "\uD83D", ":", "%", "?", "\u0000", "\u0085", "\u202E", "\u2069"};
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : singles[random.nextInt(singles.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static void same(Predicate<String> check, Pattern pattern, List<String> texts) {
        same(check, text -> pattern.matcher(text).matches(), texts);
    }

    private static void same(Predicate<String> check, Predicate<String> specification, List<String> texts) {
        for (String text : texts) {
            assertThat(check.test(text)).as("'%s'", text).isEqualTo(specification.test(text));
        }
    }

    @Test
    void anEmailIsWhatItsPatternMatches() {
        same(FieldFormats::isEmail, EMAIL, texts(1, 200_000, "ada", "@example.com", "a@b", "@@", "x@y.z", ".", "..", "-", "<", ">",
                "\"", "\\", ";", "[", "ü", "\u0301", "²", "xn--", ".com", "a-b"));
        same(FieldFormats::isEmail, EMAIL, List.of("", "@", "a@", "@a", "a@b", "a@@b", "a b@c", "ada@example.com", "é@ü", "é@ü.de",
                "x\u0000y@example.com", "a@b.c<script>", "a@b..com", "a@-b.com", "a@b-.com", "a@b.c/d", "a@b.c?x", "a@b.c%00x",
                "a@b.com.", "a@.b.com", "\"a\"@b.com", "a<b@c.de", "o'brien+kith@mail.example-host.co.uk", "用户@例子.广告",
                "josé@xn--bcher-kva.example", "a@1.2", "a@b_c.com"));
        assertThat(FieldFormats.isEmail("ada.lovelace+kith@mail.example.org")).isTrue();
        assertThat(FieldFormats.isEmail("a@b")).isFalse();
        assertThat(FieldFormats.isEmail("a@b.c<script>")).isFalse();
        // What an older version kept, which a backup it made may hold.
        same(FieldFormats::isStoredEmail, STORED_EMAIL, texts(3, 100_000, "ada", "@example.com", "a@b", "@@", "x@y.z", "<", ";"));
        assertThat(FieldFormats.isStoredEmail("a;b@example")).isTrue();
    }

    @Test
    void aPhoneIsWhatItsPatternMatches() {
        Predicate<String> phone = text -> PHONE.matcher(text).matches() && THREE_DIGITS.matcher(text).matches();
        same(FieldFormats::isPhone, phone, texts(2, 200_000, "555", "+1", "(0)", " 0100 ", "12345678901234567890", "x12", "٣",
                "ext. ", "FLOWERS", "#", "*", ",;", "\uD835\uDC00"));
        same(FieldFormats::isPhone, phone, List.of("", "12", "123", "+12", "x12", "1".repeat(40), "1".repeat(41), "+1 (555) 010-2000",
                "1-800-FLOWERS", "+44 20 7946 0958 ext. 3", "555 0100,,12#", "12\uD835\uDC00" + "3".repeat(37), "12\uD835\uDC00" + "3".repeat(38),
                "call me", ")555 0100"));
    }

    @Test
    void aLinkedinUrlIsWhatItsPatternMatches() {
        same(FieldFormats::isLinkedinUrl, LINKEDIN, texts(3, 300_000, "http://", "https://", "linkedin.com/", "www.", "de.",
                "linkedin.", "in/ada", "-", "_x.", "linkedin.com", "https://linkedin.com/", "https://www.linkedin.com/"));
        same(FieldFormats::isLinkedinUrl, LINKEDIN, List.of("", "https://linkedin.com/", "https://linkedin.com/in/ada",
                "http://www.linkedin.com/in/ada", "https://de.www.linkedin.com/in/ada", "https://linkedin.linkedin.com/x",
                "https://.linkedin.com/x", "https://-.linkedin.com/x", "https://linkedin.com/in/a b", "https://wwwlinkedin.com/x"));
    }
}
