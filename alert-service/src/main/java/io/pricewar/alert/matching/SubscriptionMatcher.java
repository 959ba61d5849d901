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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides which subscriptions an event on the log triggers, and which need its model judged. */
public final class SubscriptionMatcher {

    /** A subscription and why it fired. */
    public record Match(Subscription subscription, Firing firing) {
    }

    /** Subscriptions that fired for one reason: a whole group of the index, or one subscription in a scan. */
    public record Fired(Firing firing, List<Subscription> subscriptions) {
    }

    /**
     * @param fired           point conditions that fired on the event, by group
     * @param needsModelCheck true when a blended rule covers the event's model and the event moved
     *                        a price, so the model must be judged once its meters are all in
     */
    public record Outcome(List<Fired> fired, boolean needsModelCheck) {

        /** How many subscriptions fired. */
        public int count() {
            int count = 0;
            for (Fired f : fired) {
                count += f.subscriptions().size();
            }
            return count;
        }

        /** One entry per subscription that fired; costs an object each, so for tests and small outcomes. */
        public List<Match> matches() {
            List<Match> matches = new ArrayList<>(count());
            fired.forEach(f -> f.subscriptions().forEach(s -> matches.add(new Match(s, f.firing()))));
            return matches;
        }
    }

    private SubscriptionMatcher() {
    }

    /**
     * Judges the subscriptions of {@code index} whose target covers the event's point on
     * {@code event}, appended to the log at {@code appendedAt}. The work is per group of the index
     * (one per bucket and condition) and per distinct condition, never per subscriber.
     */
    public static Outcome judge(PriceEvent event, Instant appendedAt, SubscriptionIndex index, FxRates fx) {
        List<Fired> fired = new ArrayList<>();
        boolean modelCheck = false;
        // The index shares one instance per distinct condition, so identity finds a repeat.
        Map<AlertCondition, Optional<Firing>> judged = new IdentityHashMap<>();
        for (SubscriptionIndex.Group group : index.groups(event.pointId())) {
            if (!group.active()) {
                continue;
            }
            List<Subscription> existing = group.existingAt(appendedAt);
            if (existing.isEmpty()) {
                continue;
            }
            if (group.condition() instanceof AlertCondition.BlendedDrop) {
                modelCheck = true;
                continue;
            }
            Optional<Firing> firing = judged.computeIfAbsent(group.condition(), c -> c.judge(event, fx));
            if (firing.isPresent()) {
                fired.add(new Fired(firing.get(), existing));
            }
        }
        return new Outcome(fired, modelCheck);
    }

    /**
     * The plain scan the index replaces: every subscription's target and creation checked, one
     * by one. Kept as the reference the index is tested and measured against.
     */
    public static Outcome scan(PriceEvent event, Instant appendedAt, Collection<Subscription> all, FxRates fx) {
        List<Fired> fired = new ArrayList<>();
        boolean modelCheck = false;
        // Conditions are values and far fewer than subscriptions (thousands share ANY_DROP):
        // judge each distinct one once per event.
        Map<AlertCondition, Optional<Firing>> judged = new HashMap<>();
        for (Subscription s : all) {
            if (!s.target().matches(event.pointId()) || !s.isActive() || !existedAt(s, appendedAt)) {
                continue;
            }
            if (s.condition() instanceof AlertCondition.BlendedDrop) {
                modelCheck = true;
                continue;
            }
            Optional<Firing> firing = judged.computeIfAbsent(s.condition(), c -> c.judge(event, fx));
            if (firing.isPresent()) {
                fired.add(new Fired(firing.get(), List.of(s)));
            }
        }
        return new Outcome(fired, modelCheck);
    }

    /**
     * Events appended before a subscription existed are history, not news: a new subscriber
     * (or a consumer replaying the log from the start) must not flood it with every past drop.
     */
    static boolean existedAt(Subscription subscription, Instant appendedAt) {
        return !appendedAt.isBefore(subscription.createdAt());
    }
}
