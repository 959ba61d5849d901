package io.pricewar.bench.scraper;

/**
 * A generated models-as-rows pricing page of about the given size: rows of many vendors'
 * models, prices in the notations real pages use (bare decimals under a unit header, per-cell
 * units, li, full-width, free), some in band rows under their model.
 */
final class PricingPage {

    private static final String[] CELLS = {"%s", "%s元/千tokens", "¥%s/百万tokens", "%s 元 / 百万 Tokens", "免费"};

    private PricingPage() {
    }

    /** Every {@code changeEvery}-th model is priced one step higher (0: none), so a diff finds changes. */
    static String generate(int targetBytes, int changeEvery) {
        StringBuilder html = new StringBuilder(targetBytes + 4096);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>价格</title></head><body>")
                .append("<h1>大模型 API 价格一览</h1><table class=\"price-table\"><thead><tr><th>模型名称</th>")
                .append("<th>上下文长度</th><th>输入单价（元/千tokens）</th><th>输出单价（元/千tokens）</th><th>说明</th>")
                .append("</tr></thead><tbody>");
        for (int i = 0; html.length() < targetBytes; i++) {
            boolean changed = changeEvery > 0 && i % changeEvery == 0;
            int step = (i % 97) + (changed ? 1 : 0);
            String input = cell(i, "0.000" + (step + 1));
            String output = cell(i + 1, "0.00" + (step + 2));
            html.append("<tr><td>vendor").append(i % 40).append("-model-").append(i).append("</td><td>")
                    .append(8 << (i % 5)).append("k</td><td>").append(input).append("</td><td>").append(output)
                    .append("</td><td><span class=\"note\">按量计费，<a href=\"/docs/").append(i)
                    .append("\">详情</a></span></td></tr>\n");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    private static String cell(int i, String amount) {
        String notation = CELLS[i % CELLS.length];
        return notation.contains("百万") ? notation.formatted(amount + "0") : notation.formatted(amount);
    }
}
