package io.pricewar.alert.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.BlendedPrice;
import io.pricewar.alert.rules.Firing;
import io.pricewar.alert.rules.MeterPrices;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a subscriber receives about one event (or, for a blended rule, one observation of a
 * model). Prices are decimal strings, exactly as quoted, so no receiver's number type can round
 * them. A listing has no old price; a delisting no new one. {@code kind} says which condition
 * fired; the fields after {@code effectiveFrom} appear only where they apply.
 *
 * @param threshold the threshold crossed, with the exchange rate and its date when converted
 * @param blended   the model's price on the subscriber's token mix, before and after
 * @param flags     e.g. {@code INPUT_CUT_ONLY}: the input price fell while the output did not
 */
public record Notification(
        String kind,
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
        Instant effectiveFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) String dropPercent,
        @JsonInclude(JsonInclude.Include.NON_NULL) ThresholdView threshold,
        @JsonInclude(JsonInclude.Include.NON_NULL) BlendedView blended,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> flags) {

    public static final String TEST_KIND = "TEST";

    public record PriceView(String amount, String currency, String unit, String per1M) {

        static PriceView of(Price price) {
            return price == null ? null : new PriceView(price.amount().toPlainString(),
                    price.currency().getCurrencyCode(), price.unit().name(), price.per1M().toPlainString());
        }
    }

    /** The new price converted at {@code rate} (1 {@code from} = rate {@code to}) from the table of {@code rateDate}. */
    public record ThresholdView(String per1M, String currency, String convertedPer1M, String from, String rate,
                                String rateDate) {
    }

    /** Prices per 1M tokens on the subscriber's mix; meters before and after as used. */
    public record BlendedView(String mix, String currency, String before, String after,
                              MetersView metersBefore, MetersView metersAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetersView(String input, String output, String cached) {

        static MetersView of(MeterPrices p) {
            return new MetersView(plain(p.input()), plain(p.output()), plain(p.cached()));
        }
    }

    public static Notification of(Subscription subscription, PriceEvent event, Firing firing) {
        Price old = switch (event) {
            case PriceListed ignored -> null;
            case PriceChanged changed -> changed.previousPrice();
            case PriceDelisted delisted -> delisted.lastPrice();
        };
        Price now = event instanceof PriceDelisted ? null : event.currentPrice();
        return new Notification(firing.kind(), event.eventId(), subscription.id(), event.pointId().toString(),
                event.vendor(), event.model(), event.meter(), event.tier(),
                PriceView.of(old), PriceView.of(now), event.observedAt(), event.effectiveFrom(),
                plain(firing.dropPercent()), threshold(firing), null, List.of());
    }

    /**
     * A blended rule's verdict on one observation of a model; {@code checkId} names the model and
     * the observation, and stands as the event id, so one observation is delivered once.
     */
    public static Notification blended(Subscription subscription, String checkId, String vendor, String model,
                                       String tier, Instant observedAt, BlendedPrice.Verdict verdict,
                                       MeterPrices before, MeterPrices after) {
        AlertCondition.BlendedDrop rule = (AlertCondition.BlendedDrop) subscription.condition();
        String mix = plain(rule.mix().input()) + ":" + plain(rule.mix().output()) + ":" + plain(rule.mix().cached());
        return new Notification(verdict.outcome().name(), checkId, subscription.id(), null, vendor, model, null,
                tier, null, null, observedAt, null, null, null,
                new BlendedView(mix, after.currency().getCurrencyCode(), plain(verdict.before()),
                        plain(verdict.after()), MetersView.of(before), MetersView.of(after)),
                verdict.flags());
    }

    /** A notification about nothing, so a subscriber can check its endpoint and signature. */
    public static Notification test(Subscription subscription, String testId, Instant now) {
        return new Notification(TEST_KIND, testId, subscription.id(), null, null, null, null, null, null, null,
                now, null, null, null, null, List.of());
    }

    private static ThresholdView threshold(Firing firing) {
        Firing.ThresholdCrossing t = firing.threshold();
        return t == null ? null : new ThresholdView(plain(t.thresholdPer1M()), t.rate().to().getCurrencyCode(),
                plain(t.convertedPer1M()), t.rate().from().getCurrencyCode(), plain(t.rate().rate()),
                t.rate().date().toString());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
