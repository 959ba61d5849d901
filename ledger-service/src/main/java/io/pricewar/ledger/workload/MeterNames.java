package io.pricewar.ledger.workload;

/** The meter slugs that price a model's input, output and cached (cache-hit) input tokens. */
public record MeterNames(String input, String output, String cachedInput) {
}
