package io.pricewar.scraper.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read a table that lists models as rows (Alibaba Model Studio, Volcano Engine, Baidu
 * Qianfan): which tables, which column names the model, which columns hold which meter. Columns
 * are found by a fragment of their header text ("输入" for the input price), so a reordered
 * table still reads right, and a fragment that headers of different texts hold (a column split
 * in two) is a layout change rather than the first such column's prices. The unit and currency
 * a header names ("元/千tokens") apply to its column, and a cell's own ("0.8元/百万tokens") win
 * over them. Band rows under a model ("0&lt;Token≤32K" in the model column) price that model in
 * the band, which becomes the tier.
 *
 * @param selector    CSS selector of the table (each match is read)
 * @param modelColumn header fragment of the model-name column
 * @param tierColumn  header fragment of a column naming the tier (context band); null if none
 * @param meters      meter name to header fragment, e.g. {@code input -> 输入}
 */
public record TableRule(String selector, String modelColumn, String tierColumn, Map<String, String> meters)
        implements ExtractionRule {

    public TableRule {
        meters = RuleChecks.copy(meters);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        RuleChecks.selector(problems, "table.selector", selector);
        RuleChecks.text(problems, "table.model-column", modelColumn);
        RuleChecks.meters(problems, meters);
        return problems;
    }
}
