package io.pricewar.scraper.diff;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * When a reading is trusted. Bound from {@code pricewar.scraper.safety}.
 *
 * @param delistAfter      consecutive healthy scrapes a point must be missing from before it is delisted
 * @param confirmAfter     how long an implausible change is held before a re-scrape may confirm it
 * @param implausibleMove  a relative move of at least this much (0.9 = 90%) is held for confirmation
 * @param unitMixUpFactor  a jump by at least this factor smells of a unit mix-up (per 1K read as per 1M)
 * @param minPresentShare  a page showing less than this share of the points it showed last time is a
 *                         layout change, not a mass delisting
 */
public record SafetyRules(int delistAfter, Duration confirmAfter, BigDecimal implausibleMove,
                          BigDecimal unitMixUpFactor, BigDecimal minPresentShare) {

    /** Every setting at its default. */
    public static final SafetyRules DEFAULTS = new SafetyRules(0, null, null, null, null);

    public SafetyRules {
        delistAfter = delistAfter > 0 ? delistAfter : 3;
        confirmAfter = confirmAfter != null ? confirmAfter : Duration.ofMinutes(5);
        implausibleMove = implausibleMove != null ? implausibleMove : new BigDecimal("0.9");
        unitMixUpFactor = unitMixUpFactor != null ? unitMixUpFactor : new BigDecimal("1000");
        minPresentShare = minPresentShare != null ? minPresentShare : new BigDecimal("0.5");
    }
}
