package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "127.0.0.1, loopback",
        "127.255.0.9, loopback",
        "10.0.0.1, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "169.254.169.254, link-local",
        "100.64.0.1, carrier-grade NAT",
        "100.127.255.254, carrier-grade NAT",
        "0.0.0.0, this network",
        "0.1.2.3, this network",
        "224.0.0.1, multicast",
        "255.255.255.255, broadcast",
        "::1, loopback",
        "::, unspecified",
        "fe80::1, link-local",
        "fc00::1, unique-local",
        "fd12:3456::1, unique-local",
        "ff02::1, multicast",
        "::ffff:127.0.0.1, loopback",
        "::ffff:169.254.169.254, link-local",
        "::ffff:10.0.0.1, private",
        "::10.0.0.1, private",
        "64:ff9b::7f00:1, loopback",
        "2002:a9fe:a9fe::, link-local",
        "192.0.0.170, IETF protocol assignment",
        "198.18.0.1, benchmarking",
        "198.19.255.254, benchmarking",
        "192.0.2.10, documentation",
        "198.51.100.7, documentation",
        "203.0.113.200, documentation",
        "64:ff9b:1::a00:1, local-use NAT64",
        "64:ff9b:1:ffff::8.8.8.8, local-use NAT64",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo",
        "2001:db8::1, documentation",
        "100::1, discard-only",
        "::ffff:198.18.0.1, benchmarking"
    })
    void should_refuse_address_when_not_public(String address, String kind) throws Exception {
        // WHEN
        var refusal = AddressRules.refusal(InetAddress.getByName(address));

        // THEN
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains(kind));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "8.8.8.8",
                "172.32.0.1",
                "100.128.0.1",
                "93.184.216.34",
                "2001:4860:4860::8888",
                "192.0.1.1",
                "198.17.255.255",
                "198.20.0.1",
                "203.0.114.1",
                "64:ff9b::808:808",
                "2001:200::1",
                "2001:db9::1",
                "100:0:0:1::1",
                "2a00:1450::1"
            })
    void should_accept_address_when_public(String address) throws Exception {
        // WHEN / THEN
        assertThat(AddressRules.refusal(InetAddress.getByName(address))).isEmpty();
    }
}
