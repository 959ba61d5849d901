package io.pricewar.alert;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;

import java.time.Duration;
import java.time.Instant;

/** Valid events for tests, made the only way producers make them: through {@link PriceEvents}. */
public final class PriceEventMother {

    public static final Instant FIRST_SEEN = Instant.parse("2024-05-15T08:00:00Z");

    private static final String PAGE_SHA256 = "ab".repeat(32);

    private PriceEventMother() {
    }

    /** An input meter of a Doubao model, in the standard tier. */
    public static PricePointId doubaoInput(String model) {
        return new PricePointId("volcengine", model, "input", PricePointId.STANDARD_TIER);
    }

    public static Price cnyPer1K(String amount) {
        return Price.of(amount, "CNY", PriceUnit.PER_1K_TOKENS);
    }

    public static PriceListed listed(PricePointId point, Price price) {
        return PriceEvents.listed(PointHead.genesis(point), price, seen(FIRST_SEEN, price));
    }

    /** The next event of {@code previous}'s point: its price moves to {@code next}, an hour later. */
    public static PriceChanged changed(PriceEvent previous, Price next) {
        Instant at = previous.observedAt().plus(Duration.ofHours(1));
        return PriceEvents.changed(previous.head(), previous.currentPrice(), next, seen(at, next));
    }

    private static Observation seen(Instant at, Price price) {
        return Observation.now(at, new Evidence("https://www.volcengine.com/pricing", at, PAGE_SHA256,
                price.amount().toPlainString() + " 元/千tokens"));
    }
}
