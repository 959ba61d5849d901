package io.pricewar.scraper.extract;

import io.pricewar.events.PriceUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read a machine-readable model list: JSONPath to the items, to each item's model name
 * and to each meter's price. Feeds quote per token as decimal strings ("0.0000025"); prices are
 * scaled exactly to per 1M tokens, and a price given as a JSON floating-point number is refused,
 * since the parser may already have rounded it.
 *
 * @param items  JSONPath of the list of models, e.g. {@code $.data[*]}
 * @param model  JSONPath, inside an item, of the model name, e.g. {@code $.id}
 * @param meters meter name to JSONPath inside an item, e.g. {@code input -> $.pricing.prompt}
 * @param unit   the quantity a feed price buys; per token when not given
 */
public record JsonFeedRule(String items, String model, Map<String, String> meters, PriceUnit unit)
        implements ExtractionRule {

    public JsonFeedRule {
        meters = RuleChecks.copy(meters);
        unit = unit == null ? PriceUnit.PER_TOKEN : unit;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        RuleChecks.jsonPath(problems, "feed.items", items);
        RuleChecks.jsonPath(problems, "feed.model", model);
        RuleChecks.meters(problems, meters);
        meters.forEach((meter, path) -> RuleChecks.jsonPath(problems, "feed.meters." + meter, path));
        return problems;
    }
}
