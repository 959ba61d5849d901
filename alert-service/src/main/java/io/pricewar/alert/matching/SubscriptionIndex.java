package io.pricewar.alert.matching;

import io.pricewar.alert.rules.ModelGlob;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PricePointId;

import java.util.ArrayList;
import java.util.Collection;
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
        return new SubscriptionIndex(Map.copyOf(byVendor), anyVendor, subscriptions.size());
    }

    /** Every subscription whose target covers {@code point}; conditions are not judged here. */
    public List<Subscription> candidates(PricePointId point) {
        List<Subscription> out = new ArrayList<>();
        ModelLevel vendor = byVendor.get(point.vendor());
        if (vendor != null) {
            vendor.collect(point, out);
        }
        anyVendor.collect(point, out);
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

        void collect(PricePointId point, List<Subscription> out) {
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

        void collect(PricePointId point, List<Subscription> out) {
            TierLevel meter = byMeter.get(point.meter());
            if (meter != null) {
                meter.collect(point, out);
            }
            anyMeter.collect(point, out);
        }
    }

    private static final class TierLevel {
        private final Map<String, List<Subscription>> byTier = new HashMap<>();
        private final List<Subscription> anyTier = new ArrayList<>();

        void add(PointTarget t, Subscription s) {
            (t.tier() == null ? anyTier : byTier.computeIfAbsent(t.tier(), x -> new ArrayList<>())).add(s);
        }

        void collect(PricePointId point, List<Subscription> out) {
            List<Subscription> tier = byTier.get(point.tier());
            if (tier != null) {
                out.addAll(tier);
            }
            out.addAll(anyTier);
        }
    }
}
