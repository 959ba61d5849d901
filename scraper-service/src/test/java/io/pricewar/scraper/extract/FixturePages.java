package io.pricewar.scraper.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The fixture pages under {@code src/test/resources/pages} and the rules that read them. */
public final class FixturePages {

    public static final TableRule ROWS_TABLE = new TableRule("table.price-table", "模型名称", null,
            Map.of("input", "输入", "output", "输出"));

    private FixturePages() {
    }

    public static String html(String name) {
        try (InputStream in = FixturePages.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture page " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document page(String name) {
        return Jsoup.parse(html(name), "https://vendor.example/" + name);
    }
}
