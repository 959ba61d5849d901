package io.pricewar.scraper.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EachTableTest {

    private static final List<String> PAGES = List.of("alibaba-bands.html", "deepseek-announced.html",
            "volcengine-doubao.html", "anthropic-cards.html", "zhipu-glm.html");

    /** The walk over elements finds what jsoup's select finds, in the same order, for plain and structural selectors. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"table", "table.price-table", "table, h2", "section table", "div > table", "tr:has(td)",
            "table:nth-of-type(2)", "td:containsOwn(元)", "*", "p + table", "h2 ~ table", "table tr:last-child td"})
    void findsWhatJsoupsSelectFinds(String selector) {
        for (String name : PAGES) {
            Document page = FixturePages.page(name);

            List<Element> walked = EachTable.select(page, selector);

            assertThat(walked).as(name).containsExactlyElementsOf(page.select(selector));
        }
    }
}
