package io.pricewar.ledger.query;

import io.pricewar.events.Price;
import io.pricewar.ledger.projection.HistoryEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * History as RFC 4180 CSV: one header line, one line per event, amounts in plain notation.
 * Text cells are neutralised against formula injection (see {@link #text}); number cells are
 * written exactly as the ledger holds them, since a spreadsheet reading a number is the point.
 */
public final class HistoryCsv {

    public static final String HEADER = String.join(",", "pointId", "vendor", "model", "meter", "tier", "seq",
            "type", "eventId", "previousAmount", "previousCurrency", "previousUnit", "amount", "currency", "unit",
            "per1M", "observedAt", "effectiveFrom", "evidenceUrl", "evidenceSha256", "cellText", "prevHash", "hash")
            + "\r\n";

    /**
     * What a spreadsheet may take as the start of a formula (OWASP, "CSV Injection"): = + - @,
     * and tab or carriage return, which some programs skip before reading the rest as a formula.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private HistoryCsv() {
    }

    public static String line(HistoryEntry e) {
        var id = e.pointId();
        List<String> cells = new ArrayList<>(22);
        for (String cell : List.of(id.toString(), id.vendor(), id.model(), id.meter(), id.tier())) {
            cells.add(text(cell));
        }
        cells.add(Long.toString(e.seq()));
        cells.add(text(e.type()));
        cells.add(text(e.eventId()));
        addPrice(cells, e.previousPrice());
        addPrice(cells, e.price());
        cells.add(e.price() == null ? "" : number(e.price().per1M()));
        cells.add(text(e.observedAt()));
        cells.add(text(e.effectiveFrom()));
        cells.add(text(e.evidence().url()));
        cells.add(text(e.evidence().sha256()));
        cells.add(text(e.evidence().cellText()));
        cells.add(text(e.prevHash()));
        cells.add(text(e.hash()));
        return String.join(",", cells) + "\r\n";
    }

    private static void addPrice(List<String> cells, Price price) {
        if (price == null) {
            cells.addAll(List.of("", "", ""));
        } else {
            cells.add(number(price.amount()));
            cells.add(text(price.currency().getCurrencyCode()));
            cells.add(text(price.unit().name()));
        }
    }

    private static String number(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static String text(Instant instant) {
        return instant == null ? "" : text(instant.toString());
    }

    /**
     * A text cell: prefixed with a single quote when a spreadsheet would take it as a formula
     * (OWASP's advice; the quote makes it plain text and stays visible as a sign of why), then
     * quoted as RFC 4180 requires. Cell text comes from vendors' pages, so "=HYPERLINK(...)" or
     * "-2+3" are as possible there as anywhere.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        return field(formula ? "'" + value : value);
    }

    /** Quoted when it holds a comma, quote or line break; quotes doubled, as RFC 4180 says. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
