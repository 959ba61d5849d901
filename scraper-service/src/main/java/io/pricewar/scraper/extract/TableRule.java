package io.pricewar.scraper.extract;

import java.util.Map;
import java.util.Objects;

/**
 * How to read a table that lists models as rows (Alibaba Model Studio, Volcano Engine, Baidu
 * Qianfan): which table, which column names the model, which columns hold which meter. Columns
 * are found by a fragment of their header text ("输入" for the input price), so a reordered
 * table still reads right; the unit and currency a header names ("元/千tokens") apply to its
 * column.
 *
 * @param selector    CSS selector of the table
 * @param modelColumn header fragment of the model-name column
 * @param tierColumn  header fragment of a column naming the tier (context band); null if none
 * @param meters      meter name to header fragment, e.g. {@code input -> 输入}
 */
public record TableRule(String selector, String modelColumn, String tierColumn, Map<String, String> meters) {

    public TableRule {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(modelColumn, "modelColumn");
        if (meters == null || meters.isEmpty()) {
            throw new IllegalArgumentException("a table rule needs at least one meter column");
        }
        meters = Map.copyOf(meters);
    }
}
