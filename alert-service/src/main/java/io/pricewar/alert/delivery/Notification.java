package io.pricewar.alert.delivery;

import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;

import java.time.Instant;

/**
 * What a webhook receives about one event. Prices are decimal strings, exactly as quoted, so no
 * receiver's number type can round them. A listing has no old price; a delisting no new one.
 */
public record Notification(
        String eventId,
        String subscriptionId,
        String pointId,
        String vendor,
        String model,
        String meter,
        String tier,
        PriceView oldPrice,
        PriceView newPrice,
        Instant observedAt,
        Instant effectiveFrom) {

    public record PriceView(String amount, String currency, String unit, String per1M) {

        static PriceView of(Price price) {
            return price == null ? null : new PriceView(price.amount().toPlainString(),
                    price.currency().getCurrencyCode(), price.unit().name(), price.per1M().toPlainString());
        }
    }

    public static Notification of(Subscription subscription, PriceEvent event) {
        Price old = switch (event) {
            case PriceListed ignored -> null;
            case PriceChanged changed -> changed.previousPrice();
            case PriceDelisted delisted -> delisted.lastPrice();
        };
        Price now = event instanceof PriceDelisted ? null : event.currentPrice();
        return new Notification(event.eventId(), subscription.id(), event.pointId().toString(),
                event.vendor(), event.model(), event.meter(), event.tier(),
                PriceView.of(old), PriceView.of(now), event.observedAt(), event.effectiveFrom());
    }
}
