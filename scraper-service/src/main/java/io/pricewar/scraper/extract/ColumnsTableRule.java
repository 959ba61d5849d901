package io.pricewar.scraper.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read a table that lists models as columns and meters as rows (DeepSeek): the first row
 * names the models; a row whose label holds a meter's fragment ("CACHE HIT") prices that meter
 * for each model; a label holding a tier's fragment ("DISCOUNT PRICE", merged down its rows or
 * a row of its own) puts the rows under it in that tier. The unit a label names ("1M INPUT
 * TOKENS", "百万tokens") applies to its row.
 *
 * @param selector CSS selector of the table (each match is read)
 * @param meters   meter name to row-label fragment, matched without regard to case; the
 *                 longest matching fragment wins, so "INPUT TOKENS (CACHE HIT)" beats "INPUT".
 *                 A table with any meter's row must have a row for each (a reworded or dropped
 *                 one is a layout change, as a missing meter column is for {@link TableRule})
 * @param tiers    tier name to section-label fragment, e.g. {@code off-peak -> DISCOUNT PRICE};
 *                 rows before any section are standard
 */
public record ColumnsTableRule(String selector, Map<String, String> meters, Map<String, String> tiers)
        implements ExtractionRule {

    public ColumnsTableRule {
        meters = RuleChecks.copy(meters);
        tiers = RuleChecks.copy(tiers);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        RuleChecks.selector(problems, "columns.selector", selector);
        RuleChecks.meters(problems, meters);
        tiers.forEach((tier, fragment) -> {
            if (!tier.matches("[a-z0-9][a-z0-9._+-]*")) {
                problems.add("columns.tiers: '" + tier + "' is not a lower-case slug ([a-z0-9._+-])");
            }
            RuleChecks.text(problems, "columns.tiers." + tier, fragment);
        });
        return problems;
    }
}
