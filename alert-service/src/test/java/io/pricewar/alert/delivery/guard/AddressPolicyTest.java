package io.pricewar.alert.delivery.guard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::ffff:127.0.0.1", "169.254.169.254", "10.0.0.1", "172.16.5.4",
            "192.168.1.1", "100.64.0.1", "100.100.100.200", "0.0.0.0", "::1", "::", "fe80::1", "fd00:ec2::254",
            "fc00::1", "64:ff9b::a00:1", "2002:a00:1::", "224.0.0.1", "255.255.255.255", "168.63.129.16"})
    void refusesInternalAndMetadataAddresses(String address) throws UnknownHostException {
        assertThat(AddressPolicy.strict().refusal(InetAddress.getByName(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void permitsPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressPolicy.strict().refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void saysWhyInTheRefusal() throws UnknownHostException {
        assertThat(AddressPolicy.strict().refusal(InetAddress.getByName("169.254.169.254")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("metadata").contains("169.254.0.0/16"));
    }

    @Test
    void judgesAnIpv4MappedIpv6AddressByTheIpv4AddressItCarriesEvenWhenKeptAsIpv6() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 1};
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AddressPolicy.strict().refusal(v6)).hasValueSatisfying(r -> assertThat(r).contains("private"));
    }

    @Test
    void anAllowListedBlockIsPermittedAndNothingElse() throws UnknownHostException {
        AddressPolicy local = new AddressPolicy(List.of("127.0.0.0/8"));

        assertThat(local.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("::ffff:127.0.0.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
        assertThat(local.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
    }
}
