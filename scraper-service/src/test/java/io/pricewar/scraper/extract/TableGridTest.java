package io.pricewar.scraper.extract;

import org.jsoup.Jsoup;
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
}
