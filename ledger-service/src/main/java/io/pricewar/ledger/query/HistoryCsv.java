package io.pricewar.ledger.query;

import io.pricewar.events.Price;
import io.pricewar.ledger.projection.HistoryEntry;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** History as RFC 4180 CSV: one header line, one line per event, amounts in plain notation. */
public final class HistoryCsv {

    public static final String HEADER = String.join(",", "pointId", "vendor", "model", "meter", "tier", "seq",
            "type", "eventId", "previousAmount", "previousCurrency", "previousUnit", "amount", "currency", "unit",
            "per1M", "observedAt", "effectiveFrom", "evidenceUrl", "evidenceSha256", "cellText", "prevHash", "hash")
            + "\r\n";

    private HistoryCsv() {
    }

    public static String line(HistoryEntry e) {
        var id = e.pointId();
        return Stream.of(List.of(id.toString(), id.vendor(), id.model(), id.meter(), id.tier(),
                                Long.toString(e.seq()), e.type(), e.eventId()),
                        price(e.previousPrice()), price(e.price()),
                        List.of(e.price() == null ? "" : e.price().per1M().toPlainString(), text(e.observedAt()),
                                text(e.effectiveFrom()), e.evidence().url(), e.evidence().sha256(),
                                e.evidence().cellText(), e.prevHash(), e.hash()))
                .flatMap(List::stream)
                .map(HistoryCsv::field)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static List<String> price(Price price) {
        return price == null ? List.of("", "", "")
                : List.of(price.amount().toPlainString(), price.currency().getCurrencyCode(), price.unit().name());
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** Quoted when it holds a comma, quote or line break; quotes doubled, as RFC 4180 says. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
