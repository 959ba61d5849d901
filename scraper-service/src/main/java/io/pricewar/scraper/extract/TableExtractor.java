package io.pricewar.scraper.extract;

import io.pricewar.events.PricePointId;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads models-as-rows pricing tables with a {@link TableRule}. */
public final class TableExtractor {

    /** "0<Token≤32K", "32K<输入≤128K": a band row under a model, not a model of its own. */
    private static final Pattern BAND = Pattern.compile("(?i).*(token|输入|input).*[<≤].*|.*[<≤].*(token|输入|input).*");
    /** The band itself inside a longer label ("输入长度 0<Token≤32K"), so the tier is the band only. */
    private static final Pattern BAND_TEXT = Pattern.compile(
            "(?i)[\\d.]+\\s*[km]?\\s*[<≤]\\s*(token|输入|input)s?\\s*[<≤]\\s*[\\d.]+\\s*[km]?");

    private TableExtractor() {
    }

    public static Extraction extract(Document page, String vendor, TableRule rule, PriceNotation.Context pageContext) {
        return EachTable.extract(page, rule.selector(), vendor,
                (table, announcements, collector) -> readTable(table, rule, pageContext, announcements.above(table), collector));
    }

    private static String readTable(Element table, TableRule rule, PriceNotation.Context pageContext,
                                    Announcement announcement, Collector collector) {
        TableGrid grid = TableGrid.of(table);
        if (grid.height() == 0) {
            return "the table has no rows";
        }
        Columns columns = Columns.locate(grid.row(0), rule);
        if (columns.missing() != null) {
            return columns.missing();
        }
        Map<String, PriceNotation.Context> contexts = columns.contextsUnder(pageContext);
        int lastIndex = columns.lastIndex();
        String model = null;
        for (int r = 1; r < grid.height(); r++) {
            List<String> cells = grid.row(r);
            if (cells.size() <= lastIndex || cells.get(columns.model()).isEmpty()) {
                continue;
            }
            String first = cells.get(columns.model());
            if (first.equals(grid.row(0).get(columns.model()))) {
                continue; // the header repeated further down a long table
            }
            boolean band = mayBeBand(first) && BAND.matcher(PriceNotation.normalize(first)).matches();
            model = band ? model : first;
            if (model == null) {
                collector.reject(first, "", first, "a band row with no model above it");
                continue;
            }
            String tier = band ? bandOf(first) : columns.tierOf(cells);
            readRow(cells, model, tier, columns.meters(), contexts, announcement, collector);
        }
        return null;
    }

    /** Only a label with a comparison sign can be a band; most are model names, checked cheaply. */
    private static boolean mayBeBand(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '<' || c == '≤' || c == '＜' || c == '≦') {
                return true;
            }
        }
        return false;
    }

    private static String bandOf(String label) {
        Matcher m = BAND_TEXT.matcher(label);
        return m.find() ? m.group() : label;
    }

    private static void readRow(List<String> cells, String model, String tier, Map<String, Integer> meters,
                                Map<String, PriceNotation.Context> contexts, Announcement announcement,
                                Collector collector) {
        if (allEmpty(cells, meters)) {
            return; // a model's heading row over its band rows: nothing to read in it
        }
        for (Map.Entry<String, Integer> meter : meters.entrySet()) {
            String cellText = cells.get(meter.getValue());
            collector.cell(model, meter.getKey(), tier, cellText, contexts.get(meter.getKey()), announcement);
        }
    }

    private static boolean allEmpty(List<String> cells, Map<String, Integer> meters) {
        for (int index : meters.values()) {
            if (!cells.get(index).isEmpty()) {
                return false;
            }
        }
        return true;
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

        /** Each meter's context under the page's: the same for every row, so worked out once per table. */
        Map<String, PriceNotation.Context> contextsUnder(PriceNotation.Context pageContext) {
            Map<String, PriceNotation.Context> resolved = new LinkedHashMap<>();
            contexts.forEach((meter, context) -> resolved.put(meter, pageContext.overriddenBy(context)));
            return resolved;
        }

        String tierOf(List<String> cells) {
            String text = tier < 0 ? "" : cells.get(tier);
            return text.isEmpty() ? PricePointId.STANDARD_TIER : text;
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
