package io.pricewar.alert.matching;

import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.ModelGlob;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PricePointId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscriptions arranged by what their targets name, so that the ones covering a point are found
 * by a few hash lookups instead of a scan: vendor (or any) → model (exact, glob or any) → meter
 * (or any) → tier (or any). Globs are tried once per model name seen and the answer kept, since
 * a vendor's models are few and events name the same ones again and again. Immutable once built;
 * a change of subscriptions builds a new index.
 *
 * <p>Each bucket holds its subscriptions as {@link Group}s sharing one condition (equal conditions
 * are one instance across the index), oldest first. A price-war event that thousands of
 * subscribers want then costs a few dozen group look-ups and one judgement per distinct
 * condition, not work per subscriber: the matcher hands on whole groups.
 */
public final class SubscriptionIndex {

    /** Past this many model names per vendor, glob answers are computed rather than kept. */
    private static final int MAX_CACHED_MODELS = 10_000;

    public static final SubscriptionIndex EMPTY = build(List.of());

    private final Map<String, ModelLevel> byVendor;
    private final ModelLevel anyVendor;
    private final int size;

    private SubscriptionIndex(Map<String, ModelLevel> byVendor, ModelLevel anyVendor, int size) {
        this.byVendor = byVendor;
        this.anyVendor = anyVendor;
        this.size = size;
    }

    public static SubscriptionIndex build(Collection<Subscription> subscriptions) {
        Map<String, ModelLevel> byVendor = new HashMap<>();
        ModelLevel anyVendor = new ModelLevel();
        for (Subscription s : subscriptions) {
            PointTarget t = s.target();
            ModelLevel models = t.vendor() == null ? anyVendor : byVendor.computeIfAbsent(t.vendor(), v -> new ModelLevel());
            models.add(t, s);
        }
        Map<AlertCondition, AlertCondition> canonical = new HashMap<>();
        byVendor.values().forEach(models -> models.freeze(canonical));
        anyVendor.freeze(canonical);
        return new SubscriptionIndex(Map.copyOf(byVendor), anyVendor, subscriptions.size());
    }

    /**
     * The groups of subscriptions whose target covers {@code point}: one per bucket on the way
     * down and condition in it, typically a few dozen however many subscriptions they hold.
     * Conditions are not judged here. A subscription is in exactly one group.
     */
    public List<Group> groups(PricePointId point) {
        List<Group> out = new ArrayList<>();
        ModelLevel vendor = byVendor.get(point.vendor());
        if (vendor != null) {
            vendor.collect(point, out);
        }
        anyVendor.collect(point, out);
        return out;
    }

    /** Every subscription whose target covers {@code point}; conditions are not judged here. */
    public List<Subscription> candidates(PricePointId point) {
        List<Subscription> out = new ArrayList<>();
        groups(point).forEach(group -> out.addAll(group.members()));
        return out;
    }

    public int size() {
        return size;
    }

    private static final class ModelLevel {
        private final Map<String, MeterLevel> exact = new HashMap<>();
        private final Map<String, MeterLevel> globs = new LinkedHashMap<>();
        private final MeterLevel anyModel = new MeterLevel();
        private final Map<String, List<MeterLevel>> globsByModel = new ConcurrentHashMap<>();

        void add(PointTarget t, Subscription s) {
            MeterLevel meters = t.model() == null ? anyModel
                    : ModelGlob.isGlob(t.model()) ? globs.computeIfAbsent(t.model(), g -> new MeterLevel())
                    : exact.computeIfAbsent(t.model(), m -> new MeterLevel());
            meters.add(t, s);
        }

        void freeze(Map<AlertCondition, AlertCondition> canonical) {
            exact.values().forEach(meters -> meters.freeze(canonical));
            globs.values().forEach(meters -> meters.freeze(canonical));
            anyModel.freeze(canonical);
        }

        void collect(PricePointId point, List<Group> out) {
            MeterLevel exactly = exact.get(point.model());
            if (exactly != null) {
                exactly.collect(point, out);
            }
            if (!globs.isEmpty()) {
                for (MeterLevel globbed : globsMatching(point.model())) {
                    globbed.collect(point, out);
                }
            }
            anyModel.collect(point, out);
        }

        private List<MeterLevel> globsMatching(String model) {
            List<MeterLevel> known = globsByModel.get(model);
            if (known != null) {
                return known;
            }
            List<MeterLevel> matching = new ArrayList<>();
            globs.forEach((glob, meters) -> {
                if (ModelGlob.matches(glob, model)) {
                    matching.add(meters);
                }
            });
            if (globsByModel.size() < MAX_CACHED_MODELS) {
                globsByModel.put(model, List.copyOf(matching));
            }
            return matching;
        }
    }

    private static final class MeterLevel {
        private final Map<String, TierLevel> byMeter = new HashMap<>();
        private final TierLevel anyMeter = new TierLevel();

        void add(PointTarget t, Subscription s) {
            (t.meter() == null ? anyMeter : byMeter.computeIfAbsent(t.meter(), m -> new TierLevel())).add(t, s);
        }

        void freeze(Map<AlertCondition, AlertCondition> canonical) {
            byMeter.values().forEach(tiers -> tiers.freeze(canonical));
            anyMeter.freeze(canonical);
        }

        void collect(PricePointId point, List<Group> out) {
            TierLevel meter = byMeter.get(point.meter());
            if (meter != null) {
                meter.collect(point, out);
            }
            anyMeter.collect(point, out);
        }
    }

    private static final class TierLevel {
        private final Map<String, List<Subscription>> adding = new HashMap<>();
        private final List<Subscription> addingAnyTier = new ArrayList<>();
        private Map<String, List<Group>> byTier = Map.of();
        private List<Group> anyTier = List.of();

        void add(PointTarget t, Subscription s) {
            (t.tier() == null ? addingAnyTier : adding.computeIfAbsent(t.tier(), x -> new ArrayList<>())).add(s);
        }

        void freeze(Map<AlertCondition, AlertCondition> canonical) {
            Map<String, List<Group>> frozen = new HashMap<>();
            adding.forEach((tier, members) -> frozen.put(tier, Group.of(members, canonical)));
            byTier = Map.copyOf(frozen);
            anyTier = Group.of(addingAnyTier, canonical);
            adding.clear();
            addingAnyTier.clear();
        }

        void collect(PricePointId point, List<Group> out) {
            List<Group> tier = byTier.get(point.tier());
            if (tier != null) {
                out.addAll(tier);
            }
            out.addAll(anyTier);
        }
    }

    /**
     * Subscriptions of one bucket with one condition, all active or all disabled, oldest first:
     * those that existed when an event was appended are a prefix, found by a binary search.
     */
    public record Group(AlertCondition condition, boolean active, List<Subscription> members) {

        private static final Comparator<Subscription> OLDEST_FIRST = Comparator.comparing(Subscription::createdAt);

        static List<Group> of(List<Subscription> subscriptions, Map<AlertCondition, AlertCondition> canonical) {
            Map<AlertCondition, List<Subscription>> active = new LinkedHashMap<>();
            Map<AlertCondition, List<Subscription>> disabled = new LinkedHashMap<>();
            for (Subscription s : subscriptions) {
                AlertCondition condition = canonical.computeIfAbsent(s.condition(), c -> c);
                (s.isActive() ? active : disabled).computeIfAbsent(condition, c -> new ArrayList<>()).add(s);
            }
            List<Group> groups = new ArrayList<>(active.size() + disabled.size());
            active.forEach((condition, members) -> groups.add(new Group(condition, true, sorted(members))));
            disabled.forEach((condition, members) -> groups.add(new Group(condition, false, sorted(members))));
            return List.copyOf(groups);
        }

        private static List<Subscription> sorted(List<Subscription> members) {
            members.sort(OLDEST_FIRST);
            return List.copyOf(members);
        }

        /** The members created at or before {@code appendedAt}, as a view; usually all of them. */
        public List<Subscription> existingAt(Instant appendedAt) {
            int n = members.size();
            if (!appendedAt.isBefore(members.get(n - 1).createdAt())) {
                return members;
            }
            int low = 0;
            int high = n;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (appendedAt.isBefore(members.get(mid).createdAt())) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return members.subList(0, low);
        }
    }
}
