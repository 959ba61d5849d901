package io.pricewar.scraper.extract;

import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.source.Source;
import io.pricewar.scraper.source.SourceCatalog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The fixture pages under {@code src/test/resources/pages}, the rules that read them, and how tests show what was read. */
public final class FixturePages {

    public static final TableRule ROWS_TABLE = new TableRule("table.price-table", "模型名称", null,
            Map.of("input", "输入", "output", "输出"));

    private static final Instant FETCHED_AT = Instant.parse("2025-09-01T00:00:00Z");

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

    public static FetchedPage fetched(String name) {
        return FetchedPage.of("https://vendor.example/" + name, FETCHED_AT, html(name).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    }

    /** The built-in catalog's source of that id. */
    public static Source catalogSource(String id) {
        return SourceCatalog.builtIn().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no catalog source " + id));
    }

    /** A catalog source's rule applied to a fixture page, as the runner does it. */
    public static Extraction extract(String sourceId, String page) {
        return Extractors.extract(catalogSource(sourceId), fetched(page));
    }

    /** Each price as "point = amount currency unit « cell text", the amount without trailing zeros. */
    public static List<String> points(Extraction extraction) {
        return extraction.prices().stream().map(FixturePages::point).toList();
    }

    static String point(ExtractedPrice p) {
        return p.pointId() + " = " + p.price().amount().stripTrailingZeros().toPlainString() + " "
                + p.price().currency() + " " + p.price().unit() + " « " + p.cellText()
                + (p.promotion() ? " [promotion]" : "") + (p.announced() ? " [from " + p.effectiveFrom() + "]" : "");
    }
}
