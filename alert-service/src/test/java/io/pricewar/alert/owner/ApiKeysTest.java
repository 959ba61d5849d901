package io.pricewar.alert.owner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    @Test
    void issuesPrefixedKeysThatNeverRepeat() {
        String one = ApiKeys.newKey();
        String two = ApiKeys.newKey();

        assertThat(one).startsWith("pwk_").hasSize(4 + 43);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void hashesToTheSha256OfTheKeyText() {
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void comparesSecretsByValueAndRefusesNone() {
        assertThat(ApiKeys.sameSecret("admin", "admin")).isTrue();
        assertThat(ApiKeys.sameSecret("admin", "admin2")).isFalse();
        assertThat(ApiKeys.sameSecret("admin", null)).isFalse();
    }
}
