package io.pricewar.scraper.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableGridTest {

    @Test
    void copiesMergedCellsIntoEverySlotTheyCover() {
        TableGrid grid = TableGrid.of(Jsoup.parse("""
                <table>
                  <tr><th colspan="2">MODEL</th><th>a</th><th>b</th></tr>
                  <tr><td rowspan="2">STANDARD</td><td>in</td><td colspan="2">1</td></tr>
                  <tr><td>out</td><td>2</td><td>3</td></tr>
                  <tr><td>DISCOUNT</td><td>in</td><td>4</td><td rowspan="9">5</td></tr>
                  <tr><td>x</td><td>out</td><td>6</td></tr>
                </table>""").selectFirst("table"));

        assertThat(grid.height()).isEqualTo(5);
        assertThat(grid.row(0)).containsExactly("MODEL", "MODEL", "a", "b");
        assertThat(grid.row(1)).containsExactly("STANDARD", "in", "1", "1");
        assertThat(grid.row(2)).containsExactly("STANDARD", "out", "2", "3");
        assertThat(grid.row(3)).containsExactly("DISCOUNT", "in", "4", "5");
        assertThat(grid.row(4)).containsExactly("x", "out", "6", "5");
    }

    @Test
    void cutsAbsurdSpansInsteadOfAllocatingThem() {
        TableGrid grid = TableGrid.of(Jsoup.parse("<table><tr><td colspan=\"2147483647\">x</td></tr></table>")
                .selectFirst("table"));

        assertThat(grid.row(0)).hasSize(1000);
    }

    /** The shortcut for plain cells gives what jsoup's text().strip() gives, whatever the cell holds. */
    @Test
    void readsEachCellAsJsoupsStrippedText() {
        String[] cells = {"", " ", "0.0008", " 0.0008 ", "0.8元/百万tokens", "2 元 / 百万 Tokens", "2  元", "a\tb", "a\nb",
                "\u00a0¥0.5", "¥0.5\u00a0", "0\u200b.5", "soft\u00adhyphen", "\u3000免费\u3000", "０．５元", "0&lt;Token≤32K",
                "<b>0.5</b> 元", "0.5<br>元", "<span> 免费 </span>", "&nbsp;", "x&#8203;", "\ufeff1", "😀 1", "a b c"};
        StringBuilder html = new StringBuilder("<table><tr>");
        for (String cell : cells) {
            html.append("<td>").append(cell).append("</td>");
        }
        Element row = Jsoup.parse(html.append("</tr></table>").toString()).selectFirst("tr");

        assertThat(row.children()).hasSize(cells.length).allSatisfy(td ->
                assertThat(TableGrid.textOf(td)).isEqualTo(td.text().strip()));
    }
}
