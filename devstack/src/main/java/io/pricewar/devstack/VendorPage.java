package io.pricewar.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A vendor's pricing page as the demo site serves it: a models-as-rows table whose headers name
 * the unit, and rows of cell texts written the way that vendor writes prices.
 *
 * @param vendor       the vendor's slug, as it appears in point ids
 * @param title        the page title
 * @param currency     ISO code the page quotes in
 * @param modelHeader  header of the model column
 * @param inputHeader  header of the input-price column, naming the unit
 * @param outputHeader header of the output-price column, naming the unit
 * @param rows         the table rows
 */
public record VendorPage(String vendor, String title, String currency, String modelHeader, String inputHeader,
                         String outputHeader, List<Row> rows) {

    /** One model's row: the cell texts exactly as the page shows them. */
    public record Row(String model, String input, String output) {
    }

    public VendorPage {
        Objects.requireNonNull(vendor, "vendor");
        rows = List.copyOf(rows);
    }

    /** Chinese vendors' style: 元 per thousand tokens in the header, bare numbers or 免费 in cells. */
    public static VendorPage perThousandYuan(String vendor, String title, Row... rows) {
        return new VendorPage(vendor, title, "CNY", "模型名称", "输入单价（元/千tokens）", "输出单价（元/千tokens）", List.of(rows));
    }

    public static VendorPage perMillionYuan(String vendor, String title, Row... rows) {
        return new VendorPage(vendor, title, "CNY", "模型名称", "输入价格（元/百万tokens）", "输出价格（元/百万tokens）", List.of(rows));
    }

    public static VendorPage perMillionDollars(String vendor, String title, Row... rows) {
        return new VendorPage(vendor, title, "USD", "Model", "Input (per 1M tokens)", "Output (per 1M tokens)", List.of(rows));
    }

    public static Row row(String model, String input, String output) {
        return new Row(model, input, output);
    }

    public String path() {
        return "/" + vendor + "/pricing";
    }

    /** The same page with the named model's row replaced, or added if the page lacks it. */
    public VendorPage with(Row changed) {
        List<Row> updated = new ArrayList<>(rows);
        updated.removeIf(r -> r.model().equals(changed.model()));
        int at = indexOf(changed.model());
        updated.add(at < 0 ? updated.size() : at, changed);
        return new VendorPage(vendor, title, currency, modelHeader, inputHeader, outputHeader, updated);
    }

    private int indexOf(String model) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).model().equals(model)) {
                return i;
            }
        }
        return -1;
    }

    public String html() {
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<table class=\"price-table\">\n<thead><tr><th>").append(escape(modelHeader))
                .append("</th><th>").append(escape(inputHeader)).append("</th><th>").append(escape(outputHeader))
                .append("</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr><td>").append(escape(row.model())).append("</td><td>").append(escape(row.input()))
                    .append("</td><td>").append(escape(row.output())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
