package io.pricewar.bench.scraper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A generated models-as-rows pricing page of about the given size in UTF-8 bytes, built from the
 * structures the catalog's table vendors use (see the fixture pages): a tier column with a model
 * cell merged down over its input-length bands (Alibaba), bands written in the model column under
 * a model whose own row is empty (Volcano Engine), bare decimals under a unit header, per-cell
 * units, li, full-width digits, 免费 and 限时免费, a notes column with links, and the header row
 * repeated inside long tables.
 *
 * <p>Two kinds of page:
 * <ul>
 *   <li>{@link Kind#VENDOR}: what a vendor's documentation page looks like, about 40% of the bytes
 *       being page furniture (inline style, a JSON state script, navigation, prose, footer) and
 *       the prices in one table per model family, each under its own heading;</li>
 *   <li>{@link Kind#DENSE}: one table and nothing else, the worst case for extraction: every
 *       byte of the page is a row to read.</li>
 * </ul>
 */
public final class PricingPage {

    public enum Kind { VENDOR, DENSE }

    private static final String[] NOTATIONS = {
            "%s", "%s", "%s元/千tokens", "¥%s/百万tokens", "%s 元 / 百万 Tokens", "%s厘/千tokens", "FULLWIDTH"};
    private static final int ROWS_PER_TABLE = 120;
    private static final String HEADER = "<tr><th>模型名称</th><th>单次请求的输入Token数</th><th>输入成本（元/千Token）</th>"
            + "<th>输出成本（元/千Token）</th><th>说明</th></tr>";

    private PricingPage() {
    }

    /** Every {@code changeEvery}-th model is priced one step higher (0: none), so a diff finds changes. */
    static String generate(Kind kind, int targetBytes, int changeEvery) {
        Page page = new Page(targetBytes);
        page.html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>模型调用计费</title>");
        if (kind == Kind.VENDOR) {
            furnitureBefore(page);
        } else {
            page.html("</head><body><h1>大模型 API 价格一览</h1>");
        }
        int model = 0;
        int tableBudget = kind == Kind.VENDOR ? targetBytes * 6 / 10 : targetBytes;
        int tableStart = page.bytes();
        for (int family = 0; page.bytes() - tableStart < tableBudget - 2048; family++) {
            if (kind == Kind.VENDOR) {
                page.html("<section id=\"family-").append(family).html("\"><h2>模型系列 ").append(family)
                        .html(" 按量计费</h2><p>以下价格为调用单价，按输入与输出 Token 分别计费；超出免费额度后开始计费。</p>");
            }
            page.html("<table class=\"price-table\"><thead>").html(HEADER).html("</thead><tbody>");
            for (int row = 0; page.bytes() - tableStart < tableBudget - 1024
                    && (kind == Kind.DENSE || row < ROWS_PER_TABLE); row++, model++) {
                if (kind == Kind.DENSE && row > 0 && row % ROWS_PER_TABLE == 0) {
                    page.html(HEADER); // long tables repeat their header further down
                }
                model(page, model, changeEvery > 0 && model % changeEvery == 0);
            }
            page.html("</tbody></table>");
            if (kind == Kind.VENDOR) {
                page.html("</section>");
            }
        }
        if (kind == Kind.VENDOR) {
            furnitureAfter(page, targetBytes);
        }
        return page.html("</body></html>").toString();
    }

    /** One model: a plain row, a model over merged band rows, or a heading row over band rows. */
    private static void model(Page page, int i, boolean changed) {
        String name = "vendor" + (i % 40) + "-model-" + i;
        int step = (i % 89) + (changed ? 1 : 0);
        switch (i % 10) {
            case 3 -> { // Alibaba: the model cell spans its bands, written in the tier column
                page.html("<tr><td rowspan=\"3\">").html(name).html("</td><td>0&lt;Token≤32K</td>");
                prices(page, i, step, 0).html("<td rowspan=\"3\">").note(i).html("</td></tr>");
                page.html("<tr><td>32K&lt;Token≤128K</td>");
                prices(page, i, step, 1).html("</tr>");
                page.html("<tr><td>128K&lt;Token≤1M</td>");
                prices(page, i, step, 2).html("</tr>\n");
            }
            case 7 -> { // Volcano Engine: the model's own row is empty, its bands follow in the model column
                page.html("<tr><td>").html(name).html("</td><td></td><td></td><td></td><td>").note(i).html("</td></tr>");
                page.html("<tr><td>输入长度 0&lt;Token≤32K</td><td></td>");
                prices(page, i, step, 0).html("<td></td></tr>");
                page.html("<tr><td>输入长度 32K&lt;Token≤128K</td><td></td>");
                prices(page, i, step, 1).html("<td></td></tr>\n");
            }
            case 9 -> page.html("<tr><td>").html(name).html("</td><td></td><td>限时免费</td><td>限时免费</td><td>")
                    .note(i).html("</td></tr>\n");
            default -> {
                page.html("<tr><td>").html(name).html("</td><td></td>");
                prices(page, i, step, 0).html("<td>").note(i).html("</td></tr>\n");
            }
        }
    }

    private static Page prices(Page page, int i, int step, int band) {
        return page.html("<td>").html(cell(i + band, step + band, 1)).html("</td><td>")
                .html(cell(i + band + 1, step + band, 3)).html("</td>");
    }

    /** A price in the per-1K unit of the header, written in one of the notations vendors use. */
    private static String cell(int i, int step, int factor) {
        String perThousand = "0.00" + String.format("%02d", step * factor % 97 + 1);
        String notation = NOTATIONS[i % NOTATIONS.length];
        if (i % 23 == 0) {
            return "免费";
        }
        return switch (notation) {
            case "FULLWIDTH" -> fullWidth(perThousand) + "元/千tokens";
            case "%s厘/千tokens" -> notation.formatted(new BigDecimal(perThousand).movePointRight(3).toPlainString());
            default -> notation.contains("百万")
                    ? notation.formatted(new BigDecimal(perThousand).movePointRight(3).toPlainString())
                    : notation.formatted(perThousand);
        };
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        ascii.chars().forEach(c -> out.append(c == '.' ? '．' : (char) (c - '0' + '０')));
        return out.toString();
    }

    private static void furnitureBefore(Page page) {
        page.html("<style>");
        for (int i = 0; i < 300; i++) {
            page.html(".doc-").append(i).html(" .nav-item > a:hover{color:#1f6feb;border-bottom:1px solid #d0d7de;"
                    + "padding:4px 8px;margin:0 0 2px 0;font:14px/1.6 -apple-system,'PingFang SC',sans-serif}\n");
        }
        page.html("</style><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"menu\":[");
        for (int i = 0; i < 600; i++) {
            page.html(i == 0 ? "" : ",").html("{\"id\":").append(i).html(",\"title\":\"产品文档 ").append(i)
                    .html("\",\"href\":\"/docs/product/").append(i).html("\",\"children\":[]}");
        }
        page.html("]}}</script></head><body><header class=\"site-header\"><nav class=\"top-nav\"><ul>");
        for (int i = 0; i < 300; i++) {
            page.html("<li class=\"nav-item\"><a href=\"/docs/").append(i).html("\" data-track=\"nav-").append(i)
                    .html("\"><span class=\"icon\"></span>文档中心 ").append(i).html("</a></li>");
        }
        page.html("</ul></nav></header><main class=\"doc-content\"><h1>模型调用计费</h1>")
                .html("<p>本文介绍模型调用的计费方式与单价。价格以人民币计，除特别说明外均为每千 Token 的价格。</p>");
    }

    private static void furnitureAfter(Page page, int targetBytes) {
        page.html("</main><footer class=\"site-footer\">");
        for (int i = 0; page.bytes() < targetBytes - 200; i++) {
            page.html("<p class=\"footnote\">注 ").append(i).html("：计费以实际调用的 Token 数为准，")
                    .html("<a href=\"/docs/billing/").append(i).html("\">查看计费说明</a>。</p>");
        }
        page.html("</footer>");
    }

    private static String note(int i) {
        return "<span class=\"note\">按量计费，<a href=\"/docs/" + i + "\">详情</a></span>";
    }

    /** The page being written, counting UTF-8 bytes (a Chinese character is three), not chars. */
    private static final class Page {
        private final StringBuilder html;
        private int bytes;

        Page(int targetBytes) {
            html = new StringBuilder(targetBytes);
        }

        Page html(String markup) {
            html.append(markup);
            bytes += markup.getBytes(StandardCharsets.UTF_8).length;
            return this;
        }

        Page append(int number) {
            return html(Integer.toString(number));
        }

        Page note(int i) {
            return html(PricingPage.note(i));
        }

        int bytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return html.toString();
        }
    }
}
