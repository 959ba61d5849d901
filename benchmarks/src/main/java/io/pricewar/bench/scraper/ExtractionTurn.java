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
 * What {@link ExtractionBenchmark} measures, for one pair of pages: the book and the vocabulary as
 * a run over the page before leaves them, and the changed page that each turn reads and diffs
 * against them (E), always from the reading before the change. The book is never updated, so
 * every turn sees the same changes.
 *
 * <p>{@link ExtractionAB} loads one of these per build, each in its own class loader, so it only
 * speaks to it through JDK types ({@link IntSupplier}, {@code toString}).
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

    /**
     * Reads {@code beforeHtml} into the book; each turn then reads {@code afterHtml}. Both must read
     * without a rejected cell, and the change must give events, or the figures would measure less
     * than a real run does.
     */
    public ExtractionTurn(String beforeHtml, String afterHtml) {
        FetchedPage first = fetched(beforeHtml, Instant.parse("2025-01-01T00:00:00Z"));
        safeguard.judge(book, readCleanly(first, before).prices(), evidenceOf(first)).events().forEach(book::apply);
        page = fetched(afterHtml, Instant.parse("2025-01-02T00:00:00Z"));
        evidence = evidenceOf(page);
        if (judge(readCleanly(page, before.copy())).events().isEmpty()) {
            throw new IllegalStateException("the changed page yields no event: the benchmark would diff nothing");
        }
    }

    private static FetchedPage fetched(String html, Instant at) {
        return FetchedPage.of(SOURCE.url(), at, html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static Evidence evidenceOf(FetchedPage fetched) {
        return new Evidence(fetched.url(), fetched.fetchedAt(), fetched.sha256(), "");
    }

    private static Extraction readCleanly(FetchedPage fetched, Vocabulary vocabulary) {
        Extraction extraction = Extractors.extract(SOURCE, fetched, vocabulary);
        if (!extraction.isHealthy() || !extraction.rejected().isEmpty()) {
            throw new IllegalStateException("the generated page does not read cleanly: " + extraction.problem()
                    + " " + extraction.rejected().stream().limit(3).toList());
        }
        return extraction;
    }

    /** The changed page, as fetched. */
    FetchedPage page() {
        return page;
    }

    /** Extraction and diff, as a run does them: E. */
    Safeguard.Verdict extractAndDiff() {
        return judge(extractOnly());
    }

    /** The extraction of the changed page, from the reading before the change. */
    Extraction extractOnly() {
        return Extractors.extract(SOURCE, page, before.copy());
    }

    /** The extraction of the changed page with nothing remembered: a source's first scrape. */
    Extraction extractFirstTime() {
        return Extractors.extract(SOURCE, page, new Vocabulary());
    }

    /** The safeguarded diff of an extraction of the changed page against the book. */
    Safeguard.Verdict judge(Extraction extraction) {
        return safeguard.judge(book, extraction.prices(), evidence);
    }

    /** One turn; returns how many events the diff gives, so that the work cannot be optimised away. */
    @Override
    public int getAsInt() {
        return extractAndDiff().events().size();
    }

    /** What one turn finds, and where this build's classes come from: the reader sees two builds did the same work. */
    @Override
    public String toString() {
        Extraction extraction = extractOnly();
        Safeguard.Verdict verdict = judge(extraction);
        return extraction.prices().size() + " prices read, " + extraction.rejected().size() + " rejected, "
                + verdict.events().size() + " events and " + verdict.held().size() + " held per turn (scraper from "
                + Extractors.class.getProtectionDomain().getCodeSource().getLocation().getPath() + ")";
    }
}
