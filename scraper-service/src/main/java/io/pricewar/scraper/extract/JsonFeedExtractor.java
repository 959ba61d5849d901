package io.pricewar.scraper.extract;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Reads a JSON model list with a {@link JsonFeedRule}, every price scaled exactly to per 1M tokens. */
public final class JsonFeedExtractor {

    private static final Configuration JSON = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS);

    private JsonFeedExtractor() {
    }

    public static Extraction extract(String json, String vendor, JsonFeedRule rule, Currency currency) {
        DocumentContext feed;
        try {
            feed = JsonPath.using(JSON).parse(json);
        } catch (InvalidJsonException e) {
            return Extraction.layoutChanged("the feed is not JSON: " + e.getMessage());
        }
        if (!(feed.json() instanceof Map<?, ?>) && !(feed.json() instanceof List<?>)) {
            // The lenient JSON parser takes an HTML error page for a bare string.
            return Extraction.layoutChanged("the feed is not JSON: no object or array at its root");
        }
        Object items = feed.read(rule.items());
        if (!(items instanceof List<?> list) || list.isEmpty()) {
            return Extraction.layoutChanged("'" + rule.items() + "' finds no list of models in the feed");
        }
        if (currency == null) {
            return Extraction.layoutChanged("a feed names no currency: the source must");
        }
        Collector collector = new Collector(vendor);
        for (Object item : list) {
            readItem(JsonPath.using(JSON).parse(item), rule, currency, collector);
        }
        return collector.finish();
    }

    private static void readItem(DocumentContext item, JsonFeedRule rule, Currency currency, Collector collector) {
        Object model = item.read(rule.model());
        if (!(model instanceof String name) || name.isBlank()) {
            collector.reject(String.valueOf(model), "", item.jsonString(), "'" + rule.model() + "' names no model");
            return;
        }
        for (Map.Entry<String, String> meter : rule.meters().entrySet()) {
            Object value = item.read(meter.getValue());
            String text = String.valueOf(value);
            try {
                BigDecimal perMillion = rule.unit().perMillion(exact(value, meter.getValue()));
                collector.priced(name, meter.getKey(), PricePointId.STANDARD_TIER,
                        new Price(perMillion, currency, PriceUnit.PER_1M_TOKENS), text, Announcement.NONE);
            } catch (JsonPathException | IllegalArgumentException e) {
                collector.reject(name, meter.getKey(), PricePointId.STANDARD_TIER, text, e.getMessage());
            }
        }
    }

    /** A decimal string or an integer is exact; a JSON floating-point number may have been rounded already. */
    private static BigDecimal exact(Object value, String path) {
        return switch (value) {
            case null -> throw new IllegalArgumentException("'" + path + "' is not in the item");
            case String text -> PriceNotation.number(text).orElseThrow(() ->
                    new IllegalArgumentException("'" + text + "' is not a non-negative decimal"));
            case Integer i when i >= 0 -> BigDecimal.valueOf(i);
            case Long l when l >= 0 -> BigDecimal.valueOf(l);
            case BigInteger b when b.signum() >= 0 -> new BigDecimal(b);
            default -> throw new IllegalArgumentException("'" + value + "' at '" + path
                    + "' is not a decimal string (a JSON floating-point number may already be rounded)");
        };
    }
}
