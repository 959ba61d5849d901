package io.pricewar.bench.scraper;

import io.pricewar.events.PriceEvent;
import io.pricewar.scraper.diff.PageDiff;
import io.pricewar.scraper.diff.PriceBook;
import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.extract.Extractors;
import io.pricewar.scraper.extract.TableRule;
import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.source.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Extraction plus diff of a ~500 KB models-as-rows pricing page (many vendors' models, 1% of
 * prices changed since the book was built), against jsoup's bare parse of the same page in the
 * same run. Targets (issue 3): median under 10 ms, extraction at most 1.5x the bare parse.
 *
 * <p>{@code bin/bench jmh ExtractionBenchmark -f 1 -wi 3 -i 5} prints JMH's table (median and
 * p99 are the p0.50 and p0.99 rows); {@code bin/bench main io.pricewar.bench.scraper.ExtractionBenchmark
 * -f 1 -wi 3 -i 5} runs the same and also prints the ratio of the medians.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {

    private static final int TARGET_BYTES = 500 * 1024;
    private static final Source SOURCE = new Source("bench", "bench", "https://vendor.example/pricing",
            Duration.ofHours(1), Currency.getInstance("CNY"),
            new TableRule("table.price-table", "模型名称", null, Map.of("input", "输入", "output", "输出")));

    private FetchedPage page;
    private PriceBook book;

    @Setup(Level.Trial)
    public void setUp() {
        FetchedPage before = FetchedPage.of(SOURCE.url(), Instant.parse("2025-01-01T00:00:00Z"),
                PricingPage.generate(TARGET_BYTES, 0).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        book = new PriceBook();
        listAll(book, Extractors.extract(SOURCE, before), before);
        page = FetchedPage.of(SOURCE.url(), Instant.parse("2025-01-02T00:00:00Z"),
                PricingPage.generate(TARGET_BYTES, 100).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static void listAll(PriceBook book, Extraction extraction, FetchedPage page) {
        PageDiff.diff(book, extraction.prices(), page.url(), page.fetchedAt(), page.sha256()).forEach(book::apply);
    }

    @Benchmark
    public List<PriceEvent> extractAndDiff() {
        Extraction extraction = Extractors.extract(SOURCE, page);
        // The book is not updated: every invocation sees the same 1% of changes.
        return PageDiff.diff(book, extraction.prices(), page.url(), page.fetchedAt(), page.sha256());
    }

    /** Extraction alone, so the printed figures show how the total splits between extraction and diff. */
    @Benchmark
    public Extraction extractOnly() {
        return Extractors.extract(SOURCE, page);
    }

    @Benchmark
    public Document bareParse() {
        return Jsoup.parse(page.text(), page.url());
    }

    /** Runs both benchmarks with JMH's command-line options and prints median, p99 and their ratio. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(withInclude(args));
        Collection<RunResult> results = new Runner(options).run();
        Statistics extract = statistics(results, "extractAndDiff");
        Statistics extractOnly = statistics(results, "extractOnly");
        Statistics parse = statistics(results, "bareParse");
        ExtractionBenchmark probe = new ExtractionBenchmark();
        probe.setUp();
        System.out.printf("%npage: %d bytes, %d prices read, %d events per run%n", probe.page.body().length,
                Extractors.extract(SOURCE, probe.page).prices().size(), probe.extractAndDiff().size());
        System.out.printf("extract+diff: median %.3f ms, p99 %.3f ms%n", extract.getPercentile(50), extract.getPercentile(99));
        System.out.printf("  of which extraction alone (parse included): median %.3f ms, p99 %.3f ms%n",
                extractOnly.getPercentile(50), extractOnly.getPercentile(99));
        System.out.printf("bare parse:   median %.3f ms, p99 %.3f ms%n", parse.getPercentile(50), parse.getPercentile(99));
        System.out.printf("ratio extract+diff / bare parse (medians): %.2fx (target <= 1.5x; median target < 10 ms)%n",
                extract.getPercentile(50) / parse.getPercentile(50));
    }

    private static String[] withInclude(String[] args) {
        String[] out = new String[args.length + 1];
        out[0] = ExtractionBenchmark.class.getName();
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    private static Statistics statistics(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow().getPrimaryResult().getStatistics();
    }
}
