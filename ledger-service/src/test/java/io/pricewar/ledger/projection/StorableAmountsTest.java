package io.pricewar.ledger.projection;

import io.pricewar.events.Price;
import io.pricewar.events.PriceUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.pricewar.ledger.SampleEvents.QWEN_LONG_INPUT;
import static io.pricewar.ledger.SampleEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;

class StorableAmountsTest {

    @Test
    void acceptsAmountsOfThirtyFourSignificantDigits() {
        assertThat(StorableAmounts.fits(new BigDecimal("0." + "1".repeat(34)))).isTrue();
        assertThat(StorableAmounts.fits(new BigDecimal("1.5000000000000000000000000000000000000000"))).isTrue();
    }

    @Test
    void rejectsAnEventWhoseAmountWouldBeRounded() {
        var tooLong = Price.of("0." + "1".repeat(35), "USD", PriceUnit.PER_TOKEN);

        assertThat(StorableAmounts.whyNotStorable(listed(QWEN_LONG_INPUT, tooLong, "2024-05-01T00:00:00Z")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("34 significant digits"));
    }

    @Test
    void freeIsStorable() {
        var free = Price.of("0", "CNY", PriceUnit.PER_1M_TOKENS);

        assertThat(StorableAmounts.whyNotStorable(listed(QWEN_LONG_INPUT, free, "2024-05-21T00:00:00Z"))).isEmpty();
    }
}
