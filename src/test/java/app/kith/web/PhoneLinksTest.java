package app.kith.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneLinksTest {
    @Test
    void aTapDialsTheNumberAsTyped() {
        assertThat(PhoneLinks.tel("+1 (555) 010-2000")).isEqualTo("tel:+15550102000");
        assertThat(PhoneLinks.tel("1-800-FLOWERS")).isEqualTo("tel:18003569377");
        assertThat(PhoneLinks.tel("+1 (555) 010-2000 ext. 12")).isEqualTo("tel:+15550102000,12");
        assertThat(PhoneLinks.tel("+1 555 010 2000 x7")).isEqualTo("tel:+15550102000,7");
        assertThat(PhoneLinks.tel("+49 30 1234,,56")).isEqualTo("tel:+4930123456".replace("123456", "1234,,56"));
        assertThat(PhoneLinks.tel("*31#0612345678")).isEqualTo("tel:*31%230612345678");
        assertThat(PhoneLinks.tel("0612 + 34")).isEqualTo("tel:061234");
    }

    @Test
    void textWithoutADigitIsNoLinkAndAShortCodeIsOne() {
        assertThat(PhoneLinks.tel("-- ()")).isNull();
        assertThat(PhoneLinks.tel("#12")).isEqualTo("tel:%2312");
    }
}
