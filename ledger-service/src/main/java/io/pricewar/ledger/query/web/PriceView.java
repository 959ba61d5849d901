package io.pricewar.ledger.query.web;

import io.pricewar.events.Price;

/** An exact price as JSON: amounts as plain decimal strings ("0.0005", never "5E-4"). */
public record PriceView(String amount, String currency, String unit, String per1M) {

    public static PriceView of(Price price) {
        if (price == null) {
            return null;
        }
        return new PriceView(price.amount().toPlainString(), price.currency().getCurrencyCode(),
                price.unit().name(), price.per1M().toPlainString());
    }
}
