package io.pricewar.ledger.query.web;

import io.pricewar.ledger.workload.FxRates;

import java.time.LocalDate;

/** An exchange rate an answer used: 1 {@code from} = {@code rate} {@code to}, from the configured table of {@code date}. */
public record FxRateView(String from, String to, String rate, LocalDate date) {

    public static FxRateView of(FxRates.Rate rate) {
        return new FxRateView(rate.from().getCurrencyCode(), rate.to().getCurrencyCode(),
                rate.rate().toPlainString(), rate.date());
    }
}
