package io.pricewar.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdentityTest {

    @Test
    void sameObservationGivesTheSameEventId() {
        assertThat(SampleEvents.cut().eventId()).isEqualTo(SampleEvents.cut().eventId());
        assertThat(SampleEvents.cut().hash()).isEqualTo(SampleEvents.cut().hash());
    }

    @Test
    void samePageReadAgainLaterIsStillTheSameFact() {
        PriceChanged first = SampleEvents.cut();
        PriceChanged rereadAfterCrash = PriceEvents.changed(SampleEvents.listed().head(), SampleEvents.BEFORE,
                SampleEvents.AFTER, SampleEvents.seen("2024-05-21T02:05:00Z", SampleEvents.PAGE_AFTER, "0.0005元/千tokens"));

        assertThat(rereadAfterCrash.eventId()).isEqualTo(first.eventId());
    }

    @Test
    void aDifferentPriceOrPositionIsADifferentEvent() {
        PriceChanged cut = SampleEvents.cut();
        PriceChanged otherPrice = PriceEvents.changed(SampleEvents.listed().head(), SampleEvents.BEFORE,
                Price.of("0.0006", "CNY", PriceUnit.PER_1K_TOKENS), SampleEvents.seen("2024-05-21T02:00:00Z", SampleEvents.PAGE_AFTER, "0.0006元/千tokens"));
        PriceChanged laterSeq = PriceEvents.changed(cut.head(), SampleEvents.AFTER, SampleEvents.BEFORE,
                SampleEvents.seen("2024-05-21T02:00:00Z", SampleEvents.PAGE_AFTER, "0.0005元/千tokens"));

        assertThat(otherPrice.eventId()).isNotEqualTo(cut.eventId());
        assertThat(laterSeq.eventId()).isNotEqualTo(cut.eventId());
    }

    @Test
    void instantsAreKeptToTheMillisecondSoEveryStoreKeepsTheChainVerifiable() {
        PriceListed listed = PriceEvents.listed(PointHead.genesis(SampleEvents.QWEN_LONG_INPUT), SampleEvents.BEFORE,
                SampleEvents.seen("2024-05-01T00:00:00.123456789Z", SampleEvents.PAGE_BEFORE, "0.02"));

        assertThat(listed.observedAt()).isEqualTo(java.time.Instant.parse("2024-05-01T00:00:00.123Z"));
        assertThat(listed.evidence().fetchedAt()).isEqualTo(java.time.Instant.parse("2024-05-01T00:00:00.123Z"));
        assertThat(listed.hashIsIntact()).isTrue();
    }

    @Test
    void eventIdIsAVersion8Uuid() {
        assertThat(java.util.UUID.fromString(SampleEvents.cut().eventId()).version()).isEqualTo(8);
    }

    @Test
    void aCutIsADropOnlyWithinOneCurrency() {
        assertThat(SampleEvents.cut().isDrop()).isTrue();
        PriceChanged flip = PriceEvents.changed(SampleEvents.listed().head(), SampleEvents.BEFORE,
                Price.of("0.001", "USD", PriceUnit.PER_1K_TOKENS), SampleEvents.seen("2024-05-21T02:00:00Z", SampleEvents.PAGE_AFTER, "$0.001"));
        assertThat(flip.isDrop()).isFalse();
    }
}
