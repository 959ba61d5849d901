package io.pricewar.scraper.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read prose price cards (OpenAI, Anthropic): one card per model, lines such as
 * "Input $3 / MTok" or "Cache Hits &amp; Refreshes $0.30 / MTok" inside it. A line's meter is
 * found by a fragment of its label (the line's text without the price); the longest matching
 * fragment wins, so "Cached input" is not read as "Input". A discount note such as "Batch API:
 * 50% off" adds a tier priced at exactly that share of each price of the card.
 *
 * @param card      CSS selector of each card
 * @param model     CSS selector, inside a card, of the model name
 * @param line      CSS selector, inside a card, of each price line
 * @param value     CSS selector, inside a line, of the price itself
 * @param meters    meter name to label fragment, matched without regard to case
 * @param discounts tier name to the CSS selector of its note, looked for in the card, then the page
 */
public record CardRule(String card, String model, String line, String value, Map<String, String> meters,
                       Map<String, String> discounts) implements ExtractionRule {

    public CardRule {
        meters = RuleChecks.copy(meters);
        discounts = RuleChecks.copy(discounts);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        RuleChecks.selector(problems, "cards.card", card);
        RuleChecks.selector(problems, "cards.model", model);
        RuleChecks.selector(problems, "cards.line", line);
        RuleChecks.selector(problems, "cards.value", value);
        RuleChecks.meters(problems, meters);
        discounts.forEach((tier, selector) -> RuleChecks.selector(problems, "cards.discounts." + tier, selector));
        return problems;
    }
}
