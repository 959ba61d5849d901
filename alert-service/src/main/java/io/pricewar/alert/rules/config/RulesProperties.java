package io.pricewar.alert.rules.config;

import io.pricewar.alert.rules.FxRates;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param fxTables         exchange rates per date: units of each currency one US dollar buys
 * @param inputMeter       the meter slug of input tokens
 * @param outputMeter      the meter slug of output tokens
 * @param cachedInputMeter the meter slug of cache-hit input tokens
 * @param blendedSettle    how long after a model's price changed it is judged on token mixes:
 *                         the meters of one scrape are separate events on separate partitions,
 *                         and judging before all are in would see an input cut without its
 *                         output rise
 * @param checkInterval    how often due blended judgements are taken up
 */
@ConfigurationProperties("pricewar.alert.rules")
public record RulesProperties(
        @DefaultValue List<FxTable> fxTables,
        @DefaultValue("input") String inputMeter,
        @DefaultValue("output") String outputMeter,
        @DefaultValue("input-cache-hit") String cachedInputMeter,
        @DefaultValue("3s") Duration blendedSettle,
        @DefaultValue("500ms") Duration checkInterval) {

    public record FxTable(LocalDate date, Map<String, BigDecimal> perUsd) {
    }

    public FxRates fxRates() {
        return new FxRates(fxTables.stream().map(table -> {
            Map<Currency, BigDecimal> rates = new LinkedHashMap<>();
            table.perUsd().forEach((code, rate) -> rates.put(Currency.getInstance(code), rate));
            return new FxRates.Table(table.date(), rates);
        }).toList());
    }
}
