package io.pricewar.scraper.source;

import io.pricewar.events.PricePointId;
import io.pricewar.scraper.extract.CardRule;
import io.pricewar.scraper.extract.ColumnsTableRule;
import io.pricewar.scraper.extract.ExtractionRule;
import io.pricewar.scraper.extract.JsonFeedRule;
import io.pricewar.scraper.extract.TableRule;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.Currency;
import java.util.stream.Stream;

/**
 * One pricing page: whose it is, where it is, how often to read it (an interval, or a cron
 * expression when given), the currency it quotes in when a cell does not say, and the rule that
 * reads it: exactly one of {@code table} (models as rows), {@code columns} (models as columns),
 * {@code cards} (prose cards) or {@code feed} (a JSON feed).
 *
 * <p>Building one never fails, so that a definition with several faults can be reported with
 * all of them: {@link SourceValidator} says what is wrong, and sources are validated wherever
 * they enter (configuration, catalog, override files).
 */
public record Source(String id, String vendor, String url, Duration interval, String cron, Currency currency,
                     Boolean enabled, TableRule table, ColumnsTableRule columns, CardRule cards, JsonFeedRule feed) {

    static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    @ConstructorBinding
    public Source {
        vendor = vendor == null || vendor.isBlank() ? vendor : slugOrAsGiven(vendor);
        interval = interval != null ? interval : DEFAULT_INTERVAL;
        cron = cron == null || cron.isBlank() ? null : cron.strip();
        enabled = enabled == null || enabled;
    }

    /** A models-as-rows source read on an interval, as sources were before the other rule kinds. */
    public Source(String id, String vendor, String url, Duration interval, Currency currency, TableRule table) {
        this(id, vendor, url, interval, null, currency, true, table, null, null, null);
    }

    /** The source's one rule; null when none is given (which {@link SourceValidator} reports). */
    public ExtractionRule rule() {
        return rules().findFirst().orElse(null);
    }

    Stream<ExtractionRule> rules() {
        return Stream.<ExtractionRule>of(table, columns, cards, feed).filter(rule -> rule != null);
    }

    public boolean isEnabled() {
        return enabled;
    }

    private static String slugOrAsGiven(String vendor) {
        try {
            return PricePointId.slug(vendor);
        } catch (IllegalArgumentException e) {
            return vendor;
        }
    }
}
