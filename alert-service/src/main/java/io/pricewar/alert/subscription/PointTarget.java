package io.pricewar.alert.subscription;

import io.pricewar.events.PricePointId;

/**
 * The price points a subscription cares about: each part is a point-id slug, or null for any.
 * {@link #ANY} (every part null) matches every point.
 */
public record PointTarget(String vendor, String model, String meter, String tier) {

    public static final PointTarget ANY = new PointTarget(null, null, null, null);

    public boolean matches(PricePointId point) {
        return matches(vendor, point.vendor()) && matches(model, point.model())
                && matches(meter, point.meter()) && matches(tier, point.tier());
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
