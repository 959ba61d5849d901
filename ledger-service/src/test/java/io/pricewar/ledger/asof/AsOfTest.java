package io.pricewar.ledger.asof;

import io.pricewar.ledger.MayTimeline;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.PointStatus;
import io.pricewar.ledger.query.PriceQueries.TimeAxis;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.pricewar.ledger.SampleEvents.at;
import static io.pricewar.ledger.SampleEvents.qwenCut;
import static io.pricewar.ledger.SampleEvents.qwenDelisted;
import static io.pricewar.ledger.SampleEvents.qwenListed;
import static org.assertj.core.api.Assertions.assertThat;

class AsOfTest {

    @Test
    void onTheEffectiveAxisAnAnnouncedPriceWaitsForItsDate() {
        List<HistoryEntry> upTo20th = entries(Instant.parse("2024-05-20T00:00:00Z"), TimeAxis.EFFECTIVE);

        assertThat(price(AsOf.fold(upTo20th, TimeAxis.EFFECTIVE), MayTimeline.QWEN_MAX_IN.toString()))
                .isEqualTo("0.12");
    }

    @Test
    void onTheObservedAxisAnAnnouncedPriceIsKnownFromTheDayItWasSeen() {
        List<HistoryEntry> upTo20th = entries(Instant.parse("2024-05-20T00:00:00Z"), TimeAxis.OBSERVED);

        assertThat(price(AsOf.fold(upTo20th, TimeAxis.OBSERVED), MayTimeline.QWEN_MAX_IN.toString()))
                .isEqualTo("0.04");
    }

    @Test
    void aDelistedPointStandsDelistedWithItsLastPrice() {
        var entries = List.of(HistoryEntry.of(at(qwenDelisted(), 0, 2)), HistoryEntry.of(at(qwenListed(), 0, 0)),
                HistoryEntry.of(at(qwenCut(), 0, 1)));

        assertThat(AsOf.fold(entries, TimeAxis.OBSERVED)).singleElement().satisfies(point -> {
            assertThat(point.status()).isEqualTo(PointStatus.DELISTED);
            assertThat(point.seq()).isEqualTo(3);
            assertThat(point.price().amount().toPlainString()).isEqualTo("0.0005");
        });
    }

    private static List<HistoryEntry> entries(Instant upTo, TimeAxis axis) {
        return MayTimeline.events().stream()
                .map(event -> HistoryEntry.of(at(event, 0, 0)))
                .filter(e -> !(axis == TimeAxis.EFFECTIVE ? e.effectiveAt() : e.observedAt()).isAfter(upTo))
                .toList();
    }

    private static String price(List<CurrentPrice> prices, String pointId) {
        return prices.stream().filter(p -> p.pointId().toString().equals(pointId)).findFirst().orElseThrow()
                .price().amount().toPlainString();
    }
}
