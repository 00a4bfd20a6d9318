package app.kith.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientsTest {
    @Test
    void aForwardedAddressIsTakenWithoutItsPortBracketsOrZone() {
        assertThat(Clients.address("203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(Clients.address("203.0.113.5:51234")).isEqualTo("203.0.113.5");
        // One spelling for each address, whatever the proxy wrote.
        String v6 = Clients.address("2001:db8::1");
        assertThat(Clients.address("2001:DB8:0::1")).isEqualTo(v6);
        assertThat(Clients.address("[2001:db8::1]:443")).isEqualTo(v6);
        assertThat(Clients.address("[2001:db8::1]")).isEqualTo(v6);
        assertThat(Clients.address("::ffff:203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(Clients.address("fe80::1%eth0")).isEqualTo(Clients.address("fe80::1"));
        // What is no IP literal is none, and never looked up.
        assertThat(Clients.address("cafe")).isNull();
        assertThat(Clients.address("dead:beef")).isNull();
        assertThat(Clients.address("1.2.3.4:abc")).isNull();
        assertThat(Clients.address("[::1")).isNull();
        assertThat(Clients.address("999.1.1.1")).isNull();
        assertThat(Clients.address("010.1.1.1")).isNull();
        assertThat(Clients.address("unknown")).isNull();
        assertThat(Clients.address("proxy.example.com")).isNull();
        assertThat(Clients.address("_hidden")).isNull();
        assertThat(Clients.address((String) null)).isNull();
    }
}
