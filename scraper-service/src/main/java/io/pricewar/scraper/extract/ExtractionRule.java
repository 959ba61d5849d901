package io.pricewar.scraper.extract;

import java.util.List;

/**
 * How to read one kind of pricing page. A switch over the kinds must handle each, so a new kind
 * cannot be added without a reader.
 */
public sealed interface ExtractionRule permits TableRule, ColumnsTableRule, CardRule, JsonFeedRule {

    /** What is wrong with the rule as written (a selector that does not parse, no meter), or nothing. */
    List<String> problems();
}
