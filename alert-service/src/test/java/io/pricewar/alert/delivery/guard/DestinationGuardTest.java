package io.pricewar.alert.delivery.guard;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationGuardTest {

    final DestinationGuard production = new DestinationGuard(false, AddressPolicy.strict());

    @Test
    void acceptsAnHttpsUrlWithAHostName() {
        assertThat(production.refusal(URI.create("https://hooks.example.com/prices"))).isEmpty();
    }

    @Test
    void refusesPlainHttpUnlessConfiguredForLocalUse() {
        assertThat(production.refusal(URI.create("http://hooks.example.com/prices")))
                .hasValueSatisfying(r -> assertThat(r).contains("https"));
        assertThat(new DestinationGuard(true, AddressPolicy.strict())
                .refusal(URI.create("http://hooks.example.com/prices"))).isEmpty();
    }

    @Test
    void refusesInternalIpLiteralsIncludingBracketedIpv4MappedOnes() {
        assertThat(production.refusal(URI.create("https://127.0.0.1/x"))).isPresent();
        assertThat(production.refusal(URI.create("https://[::ffff:127.0.0.1]/x"))).isPresent();
        assertThat(production.refusal(URI.create("https://169.254.169.254/latest/meta-data/"))).isPresent();
        assertThat(production.refusal(URI.create("https://10.0.0.1/x"))).isPresent();
    }
}
