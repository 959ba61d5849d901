package io.pricewar.ledger.workload.web;

import io.pricewar.ledger.workload.FxRates;
import io.pricewar.ledger.workload.MeterNames;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param fxTables       exchange rates per date: units of each currency per US dollar
 * @param inputMeter     the meter slug of input tokens
 * @param outputMeter    the meter slug of output tokens
 * @param cachedInputMeter the meter slug of cache-hit input tokens
 */
@ConfigurationProperties("ledger.workload")
public record WorkloadProperties(
        @DefaultValue List<FxTable> fxTables,
        @DefaultValue("input") String inputMeter,
        @DefaultValue("output") String outputMeter,
        @DefaultValue("input-cache-hit") String cachedInputMeter) {

    /** Units of each currency (ISO 4217 code) that one US dollar bought on {@code date}. */
    public record FxTable(LocalDate date, Map<String, BigDecimal> perUsd) {
    }

    FxRates fxRates() {
        return new FxRates(fxTables.stream().map(table -> {
            Map<Currency, BigDecimal> rates = new LinkedHashMap<>();
            table.perUsd().forEach((code, rate) -> rates.put(Currency.getInstance(code), rate));
            return new FxRates.Table(table.date(), rates);
        }).toList());
    }

    MeterNames meters() {
        return new MeterNames(inputMeter, outputMeter, cachedInputMeter);
    }
}
