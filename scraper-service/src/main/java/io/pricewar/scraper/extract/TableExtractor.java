package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a models-as-rows pricing table with a {@link TableRule}. */
public final class TableExtractor {

    private TableExtractor() {
    }

    public static Extraction extract(Document page, String vendor, TableRule rule, PriceNotation.Context pageContext) {
        Element table = page.selectFirst(rule.selector());
        if (table == null) {
            return Extraction.layoutChanged("no element matches '" + rule.selector() + "'");
        }
        List<Element> rows = table.select("tr");
        if (rows.isEmpty()) {
            return Extraction.layoutChanged("the table has no rows");
        }
        List<String> headers = rows.getFirst().select("th,td").eachText();
        Columns columns = Columns.locate(headers, rule);
        if (columns.missing() != null) {
            return Extraction.layoutChanged(columns.missing());
        }
        List<ExtractedPrice> prices = new ArrayList<>();
        List<RejectedCell> rejected = new ArrayList<>();
        for (Element row : rows.subList(1, rows.size())) {
            readRow(row.select("td,th").eachText(), vendor, columns, pageContext, prices, rejected);
        }
        return new Extraction(List.copyOf(prices), List.copyOf(rejected), null);
    }

    private static void readRow(List<String> cells, String vendor, Columns columns, PriceNotation.Context pageContext,
                                List<ExtractedPrice> prices, List<RejectedCell> rejected) {
        if (cells.size() <= columns.lastIndex()) {
            return;
        }
        String model = cells.get(columns.model()).strip();
        String tier = columns.tier() < 0 ? PricePointId.STANDARD_TIER : cells.get(columns.tier()).strip();
        if (model.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Integer> meter : columns.meters().entrySet()) {
            String cellText = cells.get(meter.getValue()).strip();
            PriceNotation.Context context = pageContext.overriddenBy(columns.contexts().get(meter.getKey()));
            try {
                Price price = PriceNotation.parse(cellText, context);
                prices.add(new ExtractedPrice(PricePointId.of(vendor, model, meter.getKey(), tier), price, cellText));
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedCell(model, meter.getKey(), cellText, e.getMessage()));
            }
        }
    }

    /** Column positions found from the header row, or what is missing. */
    private record Columns(int model, int tier, Map<String, Integer> meters,
                           Map<String, PriceNotation.Context> contexts, String missing) {

        static Columns locate(List<String> headers, TableRule rule) {
            int model = indexOf(headers, rule.modelColumn());
            if (model < 0) {
                return missing("no column header contains '" + rule.modelColumn() + "'");
            }
            int tier = rule.tierColumn() == null ? -1 : indexOf(headers, rule.tierColumn());
            if (rule.tierColumn() != null && tier < 0) {
                return missing("no column header contains '" + rule.tierColumn() + "'");
            }
            Map<String, Integer> meters = new LinkedHashMap<>();
            Map<String, PriceNotation.Context> contexts = new LinkedHashMap<>();
            for (Map.Entry<String, String> meter : rule.meters().entrySet()) {
                int index = indexOf(headers, meter.getValue());
                if (index < 0) {
                    return missing("no column header contains '" + meter.getValue() + "' (meter " + meter.getKey() + ")");
                }
                meters.put(meter.getKey(), index);
                contexts.put(meter.getKey(), PriceNotation.contextOf(headers.get(index)));
            }
            return new Columns(model, tier, meters, contexts, null);
        }

        private static Columns missing(String what) {
            return new Columns(-1, -1, Map.of(), Map.of(), what);
        }

        private static int indexOf(List<String> headers, String fragment) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).contains(fragment)) {
                    return i;
                }
            }
            return -1;
        }

        int lastIndex() {
            int last = Math.max(model, tier);
            for (int index : meters.values()) {
                last = Math.max(last, index);
            }
            return last;
        }
    }
}
