package app.kith.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientsTest {
    @Test
    void aForwardedAddressIsTakenWithoutItsPortBracketsOrZone() {
        assertThat(Clients.address("203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(Clients.address("203.0.113.5:51234")).isEqualTo("203.0.113.5");
        assertThat(Clients.address("2001:DB8::1")).isEqualTo("2001:db8::1");
        assertThat(Clients.address("[2001:db8::1]:443")).isEqualTo("2001:db8::1");
        assertThat(Clients.address("[2001:db8::1]")).isEqualTo("2001:db8::1");
        assertThat(Clients.address("fe80::1%eth0")).isEqualTo("fe80::1");
        assertThat(Clients.address("unknown")).isNull();
        assertThat(Clients.address("proxy.example.com")).isNull();
        assertThat(Clients.address("_hidden")).isNull();
        assertThat(Clients.address((String) null)).isNull();
    }
}
