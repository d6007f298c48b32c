package com.webprometrics.websecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;


class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = new ClientAddressResolver(List.of("127.0.0.1", "::1", "10.0.0.0/8"));

    @Test
    void untrustedPeerIsTheClientAndItsForwardedForIsIgnored() {
        assertThat(resolver.resolve("203.0.113.5", List.of("1.2.3.4"))).isEqualTo("203.0.113.5");
        assertThat(resolver.resolve("192.168.1.20", List.of("127.0.0.1"))).isEqualTo("192.168.1.20");
    }

    @Test
    void trustedPeerWithoutForwardedForIsTheClient() {
        assertThat(resolver.resolve("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void trustedPeerRightMostUntrustedEntryWins() {
        assertThat(resolver.resolve("127.0.0.1", List.of("6.6.6.6", "198.51.100.7", "10.1.2.3")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void ipv6LoopbackInEitherSpellingIsTrusted() {
        assertThat(resolver.resolve("0:0:0:0:0:0:0:1", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(resolver.resolve("::1", List.of("2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void allTrustedMeansTheLeftMostHop() {
        assertThat(resolver.resolve("127.0.0.1", List.of("10.0.0.1", "10.0.0.2"))).isEqualTo("10.0.0.1");
    }

    @Test
    void garbageStopsTheWalkAtTheLastTrustedHop() {
        assertThat(resolver.resolve("127.0.0.1", List.of("1.1.1.1", "evil.example.com", "10.0.0.9")))
                .isEqualTo("10.0.0.9");
        assertThat(resolver.resolve("127.0.0.1", List.of("999.1.1.1"))).isEqualTo("127.0.0.1");
        assertThat(resolver.resolve("127.0.0.1", List.of("unknown"))).isEqualTo("127.0.0.1");
    }

    @Test
    void portsAndBracketsAreStripped() {
        assertThat(resolver.resolve("127.0.0.1", List.of("198.51.100.7:4711"))).isEqualTo("198.51.100.7");
        assertThat(resolver.resolve("127.0.0.1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void cidrBlocks() {
        assertThat(resolver.isTrusted("10.200.3.4")).isTrue();
        assertThat(resolver.isTrusted("11.0.0.1")).isFalse();
        ClientAddressResolver narrow = new ClientAddressResolver(List.of("192.168.10.0/23"));
        assertThat(narrow.isTrusted("192.168.11.255")).isTrue();
        assertThat(narrow.isTrusted("192.168.12.0")).isFalse();
    }

    @Test
    void hostnamesAreNeverTrustedNorResolved() {
        assertThat(resolver.isTrusted("localhost")).isFalse();
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("localhost")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyCanonicalDottedQuadsAreIpv4Addresses() {
        for (String notAnAddress : List.of("010.1.2.3", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3", "1..2.3",
                "256.1.1.1", "1.2.3.1000", "1.2.3.-4", "1.2.3.4 5", "")) {
            assertThat(resolver.isTrusted(notAnAddress)).as(notAnAddress).isFalse();
            assertThat(resolver.resolve("127.0.0.1", List.of("198.51.100.7", notAnAddress))).as(notAnAddress)
                    .isEqualTo("127.0.0.1");
        }
        assertThat(resolver.resolve("127.0.0.1", List.of("0.0.0.0"))).isEqualTo("0.0.0.0");
        assertThat(resolver.resolve("127.0.0.1", List.of("255.255.255.255"))).isEqualTo("255.255.255.255");
        assertThat(resolver.isTrusted("10.0.0.0")).isTrue();
    }

    @Test
    void anIpv4MappedIpv6PeerIsItsIpv4Address() {
        assertThat(resolver.resolve("::ffff:127.0.0.1", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(resolver.resolve("::ffff:203.0.113.9", List.of("198.51.100.7"))).isEqualTo("203.0.113.9");
    }
}
