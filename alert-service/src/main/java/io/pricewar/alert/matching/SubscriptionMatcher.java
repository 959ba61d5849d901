package io.pricewar.alert.matching;

import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.Firing;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PriceEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides which subscriptions an event on the log triggers, and which need its model judged. */
public final class SubscriptionMatcher {

    /** A subscription and why it fired. */
    public record Match(Subscription subscription, Firing firing) {
    }

    /**
     * @param fired          point conditions that fired on the event
     * @param needsModelCheck true when a blended rule covers the event's model and the event moved
     *                        a price, so the model must be judged once its meters are all in
     */
    public record Outcome(List<Match> fired, boolean needsModelCheck) {
    }

    private SubscriptionMatcher() {
    }

    /**
     * Judges {@code candidates} (subscriptions whose target covers the event's point) on
     * {@code event}, appended to the log at {@code appendedAt}.
     */
    public static Outcome judge(PriceEvent event, Instant appendedAt, Collection<Subscription> candidates, FxRates fx) {
        List<Match> fired = new ArrayList<>();
        boolean modelCheck = false;
        // Conditions are values and far fewer than subscriptions (thousands share ANY_DROP):
        // judge each distinct one once per event.
        Map<AlertCondition, Optional<Firing>> judged = new HashMap<>();
        for (Subscription s : candidates) {
            if (!s.isActive() || !existedAt(s, appendedAt)) {
                continue;
            }
            if (s.condition() instanceof AlertCondition.BlendedDrop) {
                modelCheck = true;
                continue;
            }
            Optional<Firing> firing = judged.get(s.condition());
            if (firing == null) {
                firing = s.condition().judge(event, fx);
                judged.put(s.condition(), firing);
            }
            firing.ifPresent(f -> fired.add(new Match(s, f)));
        }
        return new Outcome(fired, modelCheck);
    }

    /** The plain scan the index replaces; kept as the reference the index is tested and measured against. */
    public static Outcome scan(PriceEvent event, Instant appendedAt, Collection<Subscription> all, FxRates fx) {
        return judge(event, appendedAt, all.stream().filter(s -> s.target().matches(event.pointId())).toList(), fx);
    }

    /**
     * Events appended before a subscription existed are history, not news: a new subscriber
     * (or a consumer replaying the log from the start) must not flood it with every past drop.
     */
    static boolean existedAt(Subscription subscription, Instant appendedAt) {
        return !appendedAt.isBefore(subscription.createdAt());
    }
}
