package io.pricewar.alert.rules;

import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscriber wants to hear of. Sealed, so every place that stores, shows or judges a
 * condition handles every kind. Point conditions judge one event; {@link BlendedDrop} judges a
 * whole model once the meters of one observation are all in, so it never fires on an event alone.
 */
public sealed interface AlertCondition {

    /** The wire name, also accepted alone as {@code "rule"} when the condition has no parameters. */
    String type();

    Optional<Firing> judge(PriceEvent event, FxRates fx);

    /** Any change that is lower per 1M tokens in the same currency. */
    record AnyDrop() implements AlertCondition {
        public String type() {
            return "ANY_DROP";
        }

        public Optional<Firing> judge(PriceEvent event, FxRates fx) {
            return event instanceof PriceChanged c && c.isDrop()
                    ? Optional.of(new Firing(type(), dropPercent(c), null)) : Optional.empty();
        }
    }

    /** A drop of at least {@code percent} percent per 1M tokens, in the same currency. */
    record DropAtLeast(BigDecimal percent) implements AlertCondition {
        public DropAtLeast {
            Objects.requireNonNull(percent, "percent");
        }

        public String type() {
            return "DROP_AT_LEAST";
        }

        /** Compared as old - new >= old * percent / 100, multiplied out: no division, no rounding. */
        public Optional<Firing> judge(PriceEvent event, FxRates fx) {
            if (!(event instanceof PriceChanged c) || !c.isDrop()) {
                return Optional.empty();
            }
            BigDecimal old = c.previousPrice().per1M();
            BigDecimal cut = old.subtract(c.newPrice().per1M()).multiply(BigDecimal.valueOf(100));
            return cut.compareTo(old.multiply(percent)) >= 0
                    ? Optional.of(new Firing(type(), dropPercent(c), null)) : Optional.empty();
        }
    }

    /**
     * The price crosses to at or below {@code per1M} {@code currency} per 1M tokens: listed there,
     * or changed from above to there. Another currency is converted with the rate of the day the
     * price takes effect; a price no configured rate covers is not judged.
     */
    record AtOrBelow(BigDecimal per1M, Currency currency) implements AlertCondition {
        public AtOrBelow {
            Objects.requireNonNull(per1M, "per1M");
            Objects.requireNonNull(currency, "currency");
        }

        public String type() {
            return "AT_OR_BELOW";
        }

        public Optional<Firing> judge(PriceEvent event, FxRates fx) {
            if (event instanceof PriceDelisted) {
                return Optional.empty();
            }
            Price previous = event instanceof PriceChanged c ? c.previousPrice() : null;
            LocalDate day = event.effectiveAt().atZone(ZoneOffset.UTC).toLocalDate();
            var rate = fx.rate(event.currentPrice().currency(), currency, day);
            if (rate.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal now = rate.get().apply(event.currentPrice().per1M());
            if (now.compareTo(per1M) > 0 || (previous != null && !wasAbove(previous, fx, day))) {
                return Optional.empty();
            }
            return Optional.of(new Firing(type(), event instanceof PriceChanged c ? dropPercent(c) : null,
                    new Firing.ThresholdCrossing(per1M, now, rate.get())));
        }

        /** An unconvertible previous price counts as above, so a crossing is not missed for want of a rate. */
        private boolean wasAbove(Price previous, FxRates fx, LocalDate day) {
            return fx.rate(previous.currency(), currency, day)
                    .map(r -> r.apply(previous.per1M()).compareTo(per1M) > 0).orElse(true);
        }
    }

    /** A price that was not zero became zero: the biggest drop there is. */
    record BecameFree() implements AlertCondition {
        public String type() {
            return "BECAME_FREE";
        }

        public Optional<Firing> judge(PriceEvent event, FxRates fx) {
            return event instanceof PriceChanged c && c.newPrice().isFree() && !c.previousPrice().isFree()
                    ? Optional.of(new Firing(type(), dropPercent(c), null)) : Optional.empty();
        }
    }

    /** A point listed: a new model or meter, or one back after a delisting. */
    record NewListing() implements AlertCondition {
        public String type() {
            return "NEW_LISTING";
        }

        public Optional<Firing> judge(PriceEvent event, FxRates fx) {
            return event instanceof PriceListed ? Optional.of(Firing.of(type())) : Optional.empty();
        }
    }

    /** A point gone from its page, confirmed by repeated healthy scrapes. */
    record Delisted() implements AlertCondition {
        public String type() {
            return "DELISTED";
        }

        public Optional<Firing> judge(PriceEvent event, FxRates fx) {
            return event instanceof PriceDelisted ? Optional.of(Firing.of(type())) : Optional.empty();
        }
    }

    /**
     * The model's price blended on the subscriber's token mix really dropped. With
     * {@code flagHeadlineCuts}, an input cut whose output price stayed or rose and that leaves the
     * blend no lower is reported as such, never as a drop.
     */
    record BlendedDrop(TokenMix mix, boolean flagHeadlineCuts) implements AlertCondition {
        public BlendedDrop {
            Objects.requireNonNull(mix, "mix");
        }

        public String type() {
            return "BLENDED_DROP";
        }

        /** Judged per model by {@link BlendedPrice}, once every meter of the observation is in. */
        public Optional<Firing> judge(PriceEvent event, FxRates fx) {
            return Optional.empty();
        }
    }

    /** How much lower, in percent to 2 decimals; null when it is not lower. */
    static BigDecimal dropPercent(PriceChanged c) {
        BigDecimal old = c.previousPrice().per1M();
        if (!c.isDrop() || old.signum() == 0) {
            return null;
        }
        return old.subtract(c.newPrice().per1M()).multiply(BigDecimal.valueOf(100))
                .divide(old, 2, RoundingMode.HALF_EVEN);
    }
}
