package io.pricewar.scraper.extract;

import io.pricewar.events.PricePointId;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads models-as-columns pricing tables (DeepSeek) with a {@link ColumnsTableRule}. */
public final class ColumnsTableExtractor {

    private ColumnsTableExtractor() {
    }

    public static Extraction extract(Document page, String vendor, ColumnsTableRule rule,
                                     PriceNotation.Context pageContext) {
        return extract(page, vendor, rule, pageContext, new Vocabulary());
    }

    public static Extraction extract(Document page, String vendor, ColumnsTableRule rule,
                                     PriceNotation.Context pageContext, Vocabulary vocabulary) {
        return EachTable.extract(page, rule.selector(), vendor, vocabulary,
                (table, announcements, collector) -> readTable(table, rule, pageContext, announcements, collector));
    }

    private static String readTable(Element table, ColumnsTableRule rule, PriceNotation.Context pageContext,
                                    Announcement.Finder announcements, Collector collector) {
        TableGrid grid = TableGrid.of(table);
        if (grid.height() < 2) {
            return "the table has no row under its model row";
        }
        List<String> header = grid.row(0);
        int firstModel = firstModelColumn(header);
        if (firstModel < 0) {
            return "the first row of the table names no model";
        }
        Announcement announcement = announcements.above(table);
        String tier = PricePointId.STANDARD_TIER;
        Set<String> metersFound = new HashSet<>();
        for (int r = 1; r < grid.height(); r++) {
            List<String> cells = grid.row(r);
            String label = label(cells, firstModel);
            tier = Labels.only(rule.tiers(), label).orElse(tier);
            List<String> meters = Labels.longestMatches(rule.meters(), label);
            metersFound.addAll(meters);
            if (meters.size() > 1) {
                collector.reject("", String.join(",", meters), label, "the row label matches more than one meter");
            } else if (meters.size() == 1) {
                PriceNotation.Context context = pageContext.overriddenBy(PriceNotation.contextOf(label));
                for (int c = firstModel; c < Math.min(header.size(), cells.size()); c++) {
                    if (!header.get(c).isEmpty()) {
                        collector.cell(header.get(c), meters.getFirst(), tier, cells.get(c), context, announcement);
                    }
                }
            }
        }
        return metersFound.isEmpty() ? null : missingMeter(rule, metersFound);
    }

    /**
     * A price table of this rule's (one with a meter row) must show every meter the rule names,
     * as a models-as-rows table must show every meter column: a row whose label was reworded
     * ("1M INPUT TOKENS (CACHE MISS)" become "1M INPUT TOKENS") is a layout change, not the
     * meter's prices withdrawn, which would delist them three runs later.
     */
    private static String missingMeter(ColumnsTableRule rule, Set<String> found) {
        for (Map.Entry<String, String> meter : rule.meters().entrySet()) {
            if (!found.contains(meter.getKey())) {
                return "no row label contains '" + meter.getValue() + "' (meter " + meter.getKey() + ")";
            }
        }
        return null;
    }

    /** The model row starts with a label ("MODEL", possibly merged over the label columns); models follow. */
    private static int firstModelColumn(List<String> header) {
        for (int c = 1; c < header.size(); c++) {
            if (!header.get(c).isEmpty() && !header.get(c).equals(header.getFirst())) {
                return c;
            }
        }
        return -1;
    }

    /** The texts of the label columns, each once: a merged section cell and the meter's own label. */
    private static String label(List<String> cells, int firstModel) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < Math.min(firstModel, cells.size()); c++) {
            if (!cells.get(c).isEmpty() && !parts.contains(cells.get(c))) {
                parts.add(cells.get(c));
            }
        }
        if (parts.isEmpty() && !cells.isEmpty()) {
            parts.add(String.join(" ", cells));
        }
        return String.join(" ", parts);
    }
}
