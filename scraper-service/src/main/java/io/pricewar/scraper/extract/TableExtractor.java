package io.pricewar.scraper.extract;

import io.pricewar.events.PricePointId;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads models-as-rows pricing tables with a {@link TableRule}. */
public final class TableExtractor {

    /** "0<Token≤32K", "32K<输入≤128K": a band row under a model, not a model of its own. */
    private static final Pattern BAND = Pattern.compile("(?i).*(token|输入|input).*[<≤].*|.*[<≤].*(token|输入|input).*");
    /** The band itself inside a longer label ("输入长度 0<Token≤32K"), so the tier is the band only. */
    private static final Pattern BAND_TEXT = Pattern.compile(
            "(?i)[\\d.]+\\s*[km]?\\s*[<≤]\\s*(token|输入|input)s?\\s*[<≤]\\s*[\\d.]+\\s*[km]?");

    /** What a tier column holds for a row that has no tier: a dash of some length. */
    private static final Set<String> NO_TIER = Set.of("-", "–", "—", "－");

    private TableExtractor() {
    }

    public static Extraction extract(Document page, String vendor, TableRule rule, PriceNotation.Context pageContext) {
        return extract(page, vendor, rule, pageContext, new Vocabulary());
    }

    public static Extraction extract(Document page, String vendor, TableRule rule, PriceNotation.Context pageContext,
                                     Vocabulary vocabulary) {
        Map<String, String> bands = new HashMap<>();
        return EachTable.extract(page, rule.selector(), vendor, vocabulary, (table, announcements, collector) ->
                readTable(table, rule, pageContext, announcements.above(table), collector, bands));
    }

    /** A meter's column: where it is and how its cells are read. */
    private record MeterColumn(int index, Collector.Meter meter) {
    }

    private static String readTable(Element table, TableRule rule, PriceNotation.Context pageContext,
                                    Announcement announcement, Collector collector, Map<String, String> bands) {
        TableGrid grid = TableGrid.of(table);
        if (grid.height() == 0) {
            return "the table has no rows";
        }
        Columns columns = Columns.locate(grid.row(0), rule);
        if (columns.missing() != null) {
            return columns.missing();
        }
        List<MeterColumn> meters = columns.metersUnder(pageContext, collector);
        int lastIndex = columns.lastIndex();
        String header = grid.row(0).get(columns.model());
        String model = null;
        for (int r = 1; r < grid.height(); r++) {
            List<String> cells = grid.row(r);
            if (cells.size() <= lastIndex || cells.get(columns.model()).isEmpty()) {
                continue;
            }
            String first = cells.get(columns.model());
            if (first.equals(header)) {
                continue; // the header repeated further down a long table
            }
            // Most labels are model names, with no comparison sign: only the others are looked up and kept.
            String band = mayBeBand(first) ? bands.computeIfAbsent(first, TableExtractor::bandOf) : "";
            model = band.isEmpty() ? first : model;
            if (model == null) {
                collector.reject(first, "", first, "a band row with no model above it");
                continue;
            }
            String tier = band.isEmpty() ? columns.tierOf(cells) : band;
            readRow(cells, model, tier, meters, announcement, collector);
        }
        return null;
    }

    /**
     * The band a first-column label names ("0<Token≤32K" in "输入长度 0<Token≤32K"), or "" for a
     * label that is not a band (a model's name). Band labels repeat down a page: each is asked once.
     * Only a label that {@link #mayBeBand may be a band} is asked.
     */
    private static String bandOf(String label) {
        if (!BAND.matcher(PriceNotation.normalize(label)).matches()) {
            return "";
        }
        Matcher m = BAND_TEXT.matcher(label);
        return m.find() ? m.group() : label;
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

    private static void readRow(List<String> cells, String model, String tier, List<MeterColumn> meters,
                                Announcement announcement, Collector collector) {
        if (allEmpty(cells, meters)) {
            return; // a model's heading row over its band rows: nothing to read in it
        }
        for (MeterColumn column : meters) {
            collector.cell(model, column.meter(), tier, cells.get(column.index()), announcement);
        }
    }

    private static boolean allEmpty(List<String> cells, List<MeterColumn> meters) {
        for (MeterColumn column : meters) {
            if (!cells.get(column.index()).isEmpty()) {
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
                return missing(notFound(headers, rule.modelColumn(), ""));
            }
            int tier = rule.tierColumn() == null ? -1 : indexOf(headers, rule.tierColumn());
            if (rule.tierColumn() != null && tier < 0) {
                return missing(notFound(headers, rule.tierColumn(), ""));
            }
            Map<String, Integer> meters = new LinkedHashMap<>();
            Map<String, PriceNotation.Context> contexts = new LinkedHashMap<>();
            for (Map.Entry<String, String> meter : rule.meters().entrySet()) {
                int index = indexOf(headers, meter.getValue());
                if (index < 0) {
                    return missing(notFound(headers, meter.getValue(), " (meter " + meter.getKey() + ")"));
                }
                meters.put(meter.getKey(), index);
                contexts.put(meter.getKey(), PriceNotation.contextOf(headers.get(index)));
            }
            return new Columns(model, tier, meters, contexts, null);
        }

        private static Columns missing(String what) {
            return new Columns(-1, -1, Map.of(), Map.of(), what);
        }

        /**
         * The column whose header is the fragment; else the one whose header holds it, or -1 when
         * none does or when headers of different texts do. BytePlus heads its model column "Model"
         * right after "Model Provider": the exact one is meant. A column split in two
         * ("输入价格（缓存命中）", "输入价格（缓存未命中）") is not this rule's table any more, and
         * taking the first would read the wrong prices. A header merged over several columns
         * shows the same text in each: that is one column.
         */
        private static int indexOf(List<String> headers, String fragment) {
            int exact = headers.indexOf(fragment);
            if (exact >= 0) {
                return exact;
            }
            int found = -1;
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).contains(fragment)) {
                    if (found < 0) {
                        found = i;
                    } else if (!headers.get(i).equals(headers.get(found))) {
                        return -1;
                    }
                }
            }
            return found;
        }

        /** Why {@link #indexOf} found no column for the fragment. */
        private static String notFound(List<String> headers, String fragment, String note) {
            List<String> holding = headers.stream().filter(h -> h.contains(fragment)).distinct()
                    .map(h -> "'" + h + "'").toList();
            return holding.isEmpty()
                    ? "no column header contains '" + fragment + "'" + note
                    : "more than one column header contains '" + fragment + "'" + note + ": " + String.join(", ", holding);
        }

        /** Each meter's column, read under its header's context over the page's: worked out once per table. */
        List<MeterColumn> metersUnder(PriceNotation.Context pageContext, Collector collector) {
            List<MeterColumn> columns = new ArrayList<>(meters.size());
            meters.forEach((meter, index) -> columns.add(
                    new MeterColumn(index, collector.meter(meter, pageContext.overriddenBy(contexts.get(meter))))));
            return columns;
        }

        /** A tier cell left empty or holding a dash (BytePlus's "-" for "no condition") is the standard tier. */
        String tierOf(List<String> cells) {
            String text = tier < 0 ? "" : cells.get(tier);
            return text.isEmpty() || NO_TIER.contains(text) ? PricePointId.STANDARD_TIER : text;
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
