package io.pricewar.alert.subscription;

import io.pricewar.alert.rules.ModelGlob;
import io.pricewar.events.PricePointId;

/**
 * The price points a subscription cares about: each part a point-id slug, or null for any; the
 * model may be a glob ({@code qwen-*}). {@link #ANY} (every part null) matches every point.
 */
public record PointTarget(String vendor, String model, String meter, String tier) {

    public static final PointTarget ANY = new PointTarget(null, null, null, null);

    public boolean matches(PricePointId point) {
        return matches(vendor, point.vendor()) && matchesModel(point.model())
                && matches(meter, point.meter()) && matches(tier, point.tier());
    }

    public boolean matchesModel(String actual) {
        return model == null || ModelGlob.matches(model, actual);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
