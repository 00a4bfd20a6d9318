package app.kith.contact;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MailAddressesTest {
    @Test
    void anAddressWrittenWithItsNameIsTheAddress() {
        assertThat(MailAddresses.address("Ana Lima <ana@example.org>")).isEqualTo("ana@example.org");
        assertThat(MailAddresses.address("\"Lima, Ana\" <ana@example.org>")).isEqualTo("ana@example.org");
        assertThat(MailAddresses.address("<ana@example.org>")).isEqualTo("ana@example.org");
        assertThat(MailAddresses.address("mailto:ana@example.org")).isEqualTo("ana@example.org");
        assertThat(MailAddresses.address("MAILTO:<ana@example.org>")).isEqualTo("ana@example.org");
        assertThat(MailAddresses.address("mailto:ana@example.org?subject=Hi&body=See%20you")).isEqualTo("ana@example.org");
        assertThat(MailAddresses.address("mailto:?to=ana@example.org")).isEqualTo("mailto:?to=ana@example.org");
        assertThat(MailAddresses.address("José <josé@exämple.org>")).isEqualTo("josé@exämple.org");
        assertThat(MailAddresses.address("ana@example.org (Ana Lima)")).isEqualTo("ana@example.org");
        // The address written as the name too, as some mail programs do.
        assertThat(MailAddresses.address("ana@example.org <ana@example.org>")).isEqualTo("ana@example.org");
        assertThat(MailAddresses.address("\"ana@example.org\" <ana@example.org>")).isEqualTo("ana@example.org");
        // As a mail program's To field is copied: a separator after it, comments anywhere.
        for (String copied : List.of("Ana Lima <ana@example.org>;", "ana@example.org;", "<ana@example.org>;", "Ana Lima <ana@example.org>, ",
                "(Ana) ana@example.org", "Ana <ana@example.org> (x <y>)", "Ana (work, \\) home) <ana@example.org>")) {
            assertThat(MailAddresses.address(copied)).as(copied).isEqualTo("ana@example.org");
        }
    }

    @Test
    void aBareAddressAndTextThatNamesNoSingleAddressStayAsTheyAre() {
        // Bare addresses are never rewritten, however odd: the check that follows decides.
        for (String bare : List.of("ana@example.org", "a;b@example.org", "\"x\"@example.org", "a(b)@example.org", "ana@")) {
            assertThat(MailAddresses.address(bare)).isEqualTo(bare);
        }
        // What the caller's check then refuses as typed.
        for (String refused : List.of("not an address", "Ana Lima <ana@example.org", "Ana <ana@example.org>, Bob <bob@example.org>",
                "x@y@z", "team: a@example.org, b@example.org;", "Ana <not-an-address>", "a@b.c<script>", "ana@example.org <x>",
                "ana@example.org junk", "Ana <a@b.co> junk", "<a@b.co> junk")) {
            assertThat(MailAddresses.address(refused)).isEqualTo(refused);
        }
    }

    @Test
    void aLineOfSeveralIsPartedByCommasOrSemicolonsOutsideQuotedNames() {
        assertThat(MailAddresses.split("\"Lima, Ana\" <ana@example.org>; Bob <bob@example.org>, carla@example.net"))
                .containsExactly("ana@example.org", "bob@example.org", "carla@example.net");
        assertThat(MailAddresses.split("alan@example.org, kay@example.net; ak@example.com"))
                .containsExactly("alan@example.org", "kay@example.net", "ak@example.com");
        // One address on the line: that address, whatever it holds.
        assertThat(MailAddresses.split("a;b@example.org")).containsExactly("a;b@example.org");
        assertThat(MailAddresses.split("Ana Lima <ana@example.org>")).containsExactly("ana@example.org");
        // A group, or text the parser cannot read, is parted by commas and semicolons alone, for the check to refuse what is no address.
        assertThat(MailAddresses.split("team: a@example.org; b@example.org")).containsExactly("team: a@example.org", "b@example.org");
        assertThat(MailAddresses.split("a@example.org, <b@example.org")).containsExactly("a@example.org", "<b@example.org");
        // Nor is text after an address let go unsaid.
        assertThat(MailAddresses.split("a@b.c<script>, d@example.org")).containsExactly("a@b.c<script>", "d@example.org");
        assertThat(MailAddresses.split("a@x.org, a@x.org<script>")).containsExactly("a@x.org", "a@x.org<script>");
        assertThat(MailAddresses.split("ana@example.org (Lima, Ana), bob@example.org")).containsExactly("ana@example.org", "bob@example.org");
        assertThat(MailAddresses.split("ana@example.org (Lima; Ana); bob@example.org;")).containsExactly("ana@example.org", "bob@example.org");
        assertThat(MailAddresses.split("Ana <ana@example.org> (x <y>), bob@example.org")).containsExactly("ana@example.org", "bob@example.org");
        assertThat(MailAddresses.split("\"Lima, Ana\" <ana@example.org> (work), bob@example.org"))
                .containsExactly("ana@example.org", "bob@example.org");
    }
}
