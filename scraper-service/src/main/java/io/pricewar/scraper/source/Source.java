package io.pricewar.scraper.source;

import io.pricewar.events.PricePointId;
import io.pricewar.scraper.extract.TableRule;

import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * One pricing page: whose it is, where it is, how often to read it, the currency it quotes in
 * when a cell does not say, and the rule that reads its table.
 */
public record Source(String id, String vendor, String url, Duration interval, Currency currency, TableRule table) {

    public Source {
        Objects.requireNonNull(id, "id");
        vendor = PricePointId.slug(Objects.requireNonNull(vendor, "vendor"));
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(table, "table");
        interval = interval != null ? interval : Duration.ofHours(1);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("source " + id + ": interval must be positive");
        }
    }
}
