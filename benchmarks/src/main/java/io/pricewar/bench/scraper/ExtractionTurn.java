package io.pricewar.bench.scraper;

import io.pricewar.events.Evidence;
import io.pricewar.scraper.diff.PriceBook;
import io.pricewar.scraper.diff.SafetyRules;
import io.pricewar.scraper.diff.Safeguard;
import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.extract.Extractors;
import io.pricewar.scraper.extract.TableRule;
import io.pricewar.scraper.extract.Vocabulary;
import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.source.Source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * One turn of what {@link ExtractionBenchmark} measures as E: extraction plus the safeguarded diff
 * of a changed page against the book built from the page before, starting each time from the
 * reading before the change. {@link ExtractionAB} loads one of these per build, each in its own
 * class loader, so it only speaks to it through JDK types ({@link IntSupplier}, {@code toString}).
 */
public final class ExtractionTurn implements IntSupplier {

    static final Source SOURCE = new Source("bench", "bench", "https://vendor.example/pricing",
            Duration.ofHours(1), Currency.getInstance("CNY"), new TableRule("table.price-table", "模型名称",
            "输入Token数", Map.of("input", "输入成本", "output", "输出成本")));

    private final FetchedPage page;
    private final Vocabulary before = new Vocabulary();
    private final PriceBook book = new PriceBook();
    private final Safeguard safeguard = new Safeguard(SafetyRules.DEFAULTS);
    private final Evidence evidence;

    /** The book and the vocabulary as a run over {@code beforeHtml} leaves them; each turn reads {@code afterHtml}. */
    public ExtractionTurn(String beforeHtml, String afterHtml) {
        FetchedPage first = FetchedPage.of(SOURCE.url(), Instant.parse("2025-01-01T00:00:00Z"),
                beforeHtml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        safeguard.judge(book, Extractors.extract(SOURCE, first, before).prices(), evidenceOf(first)).events()
                .forEach(book::apply);
        page = FetchedPage.of(SOURCE.url(), Instant.parse("2025-01-02T00:00:00Z"),
                afterHtml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        evidence = evidenceOf(page);
    }

    private static Evidence evidenceOf(FetchedPage fetched) {
        return new Evidence(fetched.url(), fetched.fetchedAt(), fetched.sha256(), "");
    }

    /** One turn; returns how many events the diff gives, so that the work cannot be optimised away. */
    @Override
    public int getAsInt() {
        return safeguard.judge(book, Extractors.extract(SOURCE, page, before.copy()).prices(), evidence).events().size();
    }

    /** What one turn finds, for the reader to see that two builds did the same work. */
    @Override
    public String toString() {
        Extraction extraction = Extractors.extract(SOURCE, page, before.copy());
        Safeguard.Verdict verdict = safeguard.judge(book, extraction.prices(), evidence);
        return extraction.prices().size() + " prices read, " + extraction.rejected().size() + " rejected, "
                + verdict.events().size() + " events and " + verdict.held().size() + " held per turn (scraper from "
                + Extractors.class.getProtectionDomain().getCodeSource().getLocation().getPath() + ")";
    }
}
