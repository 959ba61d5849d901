package io.pricewar.bench.ledger;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A valid log of {@code events} events over {@code points} points (each listed once, then
 * changed round by round), made the only valid way, through {@link PriceEvents}, so chains and
 * ids are real. Streams the events instead of holding them, to fit small heaps.
 */
final class SyntheticLog {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    private static final String PAGE_SHA = HexFormat.of().formatHex(new byte[32]);

    private SyntheticLog() {
    }

    static void generate(int events, int points, Consumer<PriceEvent> sink) {
        PriceEvent[] heads = new PriceEvent[points];
        for (int i = 0; i < events; i++) {
            int p = i % points;
            int round = i / points;
            Instant at = START.plusSeconds(60L * round);
            Observation seen = Observation.now(at, new Evidence("https://vendor" + (p % 10) + ".example/pricing",
                    at, PAGE_SHA, "cell " + p + " round " + round));
            if (heads[p] == null) {
                PricePointId point = new PricePointId("vendor" + (p % 10), "model-" + p, p % 2 == 0 ? "input" : "output",
                        "standard");
                heads[p] = PriceEvents.listed(PointHead.genesis(point), price(p, round), seen);
            } else {
                heads[p] = PriceEvents.changed(heads[p].head(), price(p, round - 1), price(p, round), seen);
            }
            sink.accept(heads[p]);
        }
    }

    /** Alternating, so every round is a real change: 0.0010 + p/10^6, + 0.0001 on odd rounds. */
    static Price price(int point, int round) {
        BigDecimal amount = new BigDecimal("0.0010").add(BigDecimal.valueOf(point, 6))
                .add(round % 2 == 1 ? new BigDecimal("0.0001") : BigDecimal.ZERO);
        return new Price(amount, CNY, PriceUnit.PER_1K_TOKENS);
    }
}
