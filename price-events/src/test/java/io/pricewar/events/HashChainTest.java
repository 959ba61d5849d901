package io.pricewar.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    @Test
    void eventsMadeFromEachOthersHeadsFormAnUnbrokenChain() {
        List<PriceEvent> events = List.of(SampleEvents.listed(), SampleEvents.cut(), SampleEvents.delisted());

        assertThat(HashChain.firstBrokenLink(events)).isEmpty();
        assertThat(events.get(0).prevHash()).isEqualTo(PointHead.GENESIS_HASH);
        assertThat(events.get(1).prevHash()).isEqualTo(events.get(0).hash());
    }

    @Test
    void detectsAPriceAlteredAfterTheFact() {
        PriceChanged cut = SampleEvents.cut();
        PriceChanged forged = new PriceChanged(cut.schemaVersion(), cut.eventId(), cut.pointId(), cut.seq(),
                cut.previousPrice(), Price.of("0.0004", "CNY", PriceUnit.PER_1K_TOKENS), cut.observedAt(),
                cut.effectiveFrom(), cut.evidence(), cut.prevHash(), cut.hash());

        var broken = HashChain.firstBrokenLink(List.of(SampleEvents.listed(), forged, SampleEvents.delisted()));

        assertThat(broken).hasValueSatisfying(link -> {
            assertThat(link.event().seq()).isEqualTo(2);
            assertThat(link.reason()).contains("content");
        });
    }

    @Test
    void detectsADroppedEvent() {
        var broken = HashChain.firstBrokenLink(List.of(SampleEvents.listed(), SampleEvents.delisted()));

        assertThat(broken).hasValueSatisfying(link -> assertThat(link.reason()).contains("expected seq 2"));
    }

    @Test
    void detectsAnEventReHashedToHideAnEdit() {
        PriceChanged cut = SampleEvents.cut();
        PriceListed rewrittenFirst = PriceEvents.listed(PointHead.genesis(cut.pointId()),
                Price.of("0.03", "CNY", PriceUnit.PER_1K_TOKENS), SampleEvents.seen("2024-05-01T00:00:00Z", "a".repeat(64), "0.03元/千tokens"));

        var broken = HashChain.firstBrokenLink(List.of(rewrittenFirst, cut));

        assertThat(broken).hasValueSatisfying(link -> {
            assertThat(link.event().seq()).isEqualTo(2);
            assertThat(link.reason()).contains("prevHash");
        });
    }
}
