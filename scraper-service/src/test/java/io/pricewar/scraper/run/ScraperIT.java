package io.pricewar.scraper.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceListed;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.scraper.FixtureSite;
import io.pricewar.scraper.ScraperApplication;
import io.pricewar.scraper.TopicRecords;
import io.pricewar.scraper.extract.FixturePages;
import io.pricewar.events.ScrapeHealth;
import io.pricewar.events.ScrapeHealthJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ProducerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scraper against the real broker and a local vendor page it reads every 200 ms. */
class ScraperIT {

    private static final Duration CONFIRM_AFTER = Duration.ofMillis(800);

    private EmbeddedKafka kafka;
    private FixtureSite site;
    private final List<ConfigurableApplicationContext> scrapers = new ArrayList<>();

    @BeforeEach
    void start() {
        kafka = EmbeddedKafka.start();
        site = new FixtureSite();
    }

    @AfterEach
    void stop() {
        scrapers.forEach(ConfigurableApplicationContext::close);
        site.close();
        kafka.close();
    }

    @Test
    void publishesAListingPerPointThenOnlyTheChanges() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext scraper = startScraper();
        await().until(() -> events().size() == 6);
        assertThat(events()).allSatisfy(e -> assertThat(e).isInstanceOf(PriceListed.class));

        site.serve("alibaba-after-cut.html");

        await().until(() -> events().size() == 11);
        awaitScrapes(scraper, "SUCCEEDED", 3);
        assertThat(events()).hasSize(11);
        assertThat(events().subList(6, 11)).allSatisfy(e -> assertThat(e).isInstanceOf(PriceChanged.class));
        // Keyed by point, so each point's events stay in order on one partition.
        assertThat(records(Topics.PRICE_EVENTS)).allSatisfy(record ->
                assertThat(record.key()).isEqualTo(PriceEventJson.read(record.value()).pointId().toString()));
        // Idempotent, acknowledged by every in-sync replica: a retried send is written once.
        assertThat(scraper.getBean(ProducerFactory.class).getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }

    @Test
    void anUnreachablePageIsACountedFailureAndNoEvent() {
        site.serve("alibaba-before-cut.html");
        site.fail(503);

        ConfigurableApplicationContext scraper = startScraper();

        awaitScrapes(scraper, "FETCH_FAILED", 3);
        assertThat(events()).isEmpty();
    }

    @Test
    void aChangedLayoutIsACountedFailureAndNeverADelisting() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext scraper = startScraper();
        await().until(() -> events().size() == 6);

        site.serve("alibaba-layout-changed.html");

        awaitScrapes(scraper, "LAYOUT_CHANGED", 3);
        assertThat(events()).hasSize(6);
    }

    @Test
    void aRestartedScraperContinuesFromTheLogInsteadOfListingAgain() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext first = startScraper();
        await().until(() -> events().size() == 6);
        first.close();
        site.serve("alibaba-after-cut.html");

        ConfigurableApplicationContext second = startScraper();

        await().until(() -> events().size() == 11);
        awaitScrapes(second, "SUCCEEDED", 3);
        List<PriceEvent> events = events();
        assertThat(events).hasSize(11);
        PriceEvent cut = events.stream().filter(e -> e instanceof PriceChanged
                && e.pointId().toString().equals("alibaba:qwen-long:input:standard")).findFirst().orElseThrow();
        PriceEvent listing = events.stream().filter(e -> e instanceof PriceListed
                && e.pointId().equals(cut.pointId())).findFirst().orElseThrow();
        assertThat(cut.seq()).isEqualTo(2);
        assertThat(cut.prevHash()).isEqualTo(listing.hash());
    }

    @Test
    void aCutOfNinetyPercentOrMoreIsHeldUntilAReScrapeConfirmsIt() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext scraper = startScraper();
        await().until(() -> events().size() == 6);

        site.serve("alibaba-after-cut.html");

        await().until(() -> events().size() == 11);
        List<PriceEvent> changes = events().subList(6, 11);
        PriceEvent qwenLong = changes.stream()
                .filter(e -> e.pointId().toString().equals("alibaba:qwen-long:input:standard")).findFirst().orElseThrow();
        PriceEvent qwenMax = changes.stream()
                .filter(e -> e.pointId().toString().equals("alibaba:qwen-max:input:standard")).findFirst().orElseThrow();
        assertThat(Duration.between(qwenMax.observedAt(), qwenLong.observedAt()))
                .as("the 97.5%% cut waits for its confirming re-scrape, the 66%% cut does not")
                .isGreaterThanOrEqualTo(CONFIRM_AFTER);
        assertThat(scraper.getBean(MeterRegistry.class).find("pricewar.scraper.changes.held").counter().count()).isPositive();
    }

    /**
     * A page announcing tomorrow's prices beside today's (DeepSeek's "From 16:00 UTC on Sept 5th,
     * 2025 ..."): each announced price is published once, carrying the announced instant, and
     * reading the same page again publishes nothing more.
     */
    @Test
    void aPriceAnnouncedForALaterDateIsPublishedOnceWithThatDate() {
        site.serve("deepseek-announced.html");
        ConfigurableApplicationContext scraper = startScraper(DEEPSEEK);
        await().until(() -> events().size() >= 6);
        awaitScrapes(scraper, "SUCCEEDED", 3);
        List<PriceEvent> first = events();

        awaitScrapes(scraper, "SUCCEEDED", 3);

        assertThat(events()).as("the same page read again").hasSameSizeAs(first);
        Instant announced = Instant.parse("2025-09-05T16:00:00Z");
        // Every announced price, once, even DeepSeek-Chat's cache hit, announced at today's $0.07.
        assertThat(first).filteredOn(e -> announced.equals(e.effectiveFrom()))
                .extracting(e -> e.pointId().model() + ":" + e.pointId().meter() + " " + e.currentPrice().amount().toPlainString())
                .containsExactlyInAnyOrder("deepseek-chat:input-cache-hit 0.07", "deepseek-reasoner:input-cache-hit 0.07",
                        "deepseek-chat:input 0.56", "deepseek-reasoner:input 0.56",
                        "deepseek-chat:output 1.68", "deepseek-reasoner:output 1.68");
        assertThat(first).allSatisfy(e -> assertThat(e.effectiveFrom()).isIn(null, announced));
    }

    /**
     * A model whose prices turn into text the reader refuses is still on the page: its cells are
     * reported rejected run after run, and it is never delisted (a parse failure is never a withdrawal).
     */
    @Test
    void aModelWhoseCellsCannotBeReadIsNeverDelisted() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext scraper = startScraper();
        await().until(() -> events().size() == 6);
        site.serveBody(FixturePages.html("alibaba-before-cut.html")
                .replace("<td>8,000</td><td>0.008</td><td>0.008</td>", "<td>8,000</td><td>请咨询销售</td><td>请咨询销售</td>")
                .getBytes(StandardCharsets.UTF_8));

        awaitScrapes(scraper, "SUCCEEDED", 5);

        assertThat(events()).hasSize(6).allSatisfy(e -> assertThat(e).isInstanceOf(PriceListed.class));
        ScrapeHealth last = health().getLast();
        assertThat(last.cellsRejected()).isEqualTo(2);
        assertThat(last.missing()).isEmpty();
    }

    /**
     * A point missing when the scraper stops is counted on from the last run's record by the
     * scraper that starts next, not from one: the delisting comes on the fifth reading in a row.
     */
    @Test
    void aRestartedScraperCarriesOnCountingAMissingPoint() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext first = startScraper("--pricewar.scraper.safety.delist-after=5");
        await().until(() -> events().size() == 6);
        site.serveBody(FixturePages.html("alibaba-before-cut.html")
                .replaceAll("<tr><td>Qwen-Turbo</td>.*</tr>", "").getBytes(StandardCharsets.UTF_8));
        await().until(() -> missingRuns(health().getLast()) >= 1);
        first.close();
        int countedBefore = missingRuns(health().getLast());
        int recordsBefore = health().size();
        assertThat(countedBefore).as("the first scraper stopped before it could delist").isBetween(1, 4);

        startScraper("--pricewar.scraper.safety.delist-after=5");

        await().until(() -> events().stream().filter(PriceDelisted.class::isInstance).count() == 2);
        List<ScrapeHealth> all = health();
        List<ScrapeHealth> sinceRestart = all.subList(recordsBefore, all.size());
        assertThat(missingRuns(sinceRestart.getFirst())).isEqualTo(countedBefore + 1);
        assertThat(sinceRestart).filteredOn(h -> h.eventsPublished() == 2).singleElement()
                .satisfies(delisting -> assertThat(delisting.missing()).isEmpty());
    }

    /**
     * Changes held when the scraper stops (Qwen-Long's 97.5% and 90% cuts) are confirmed by the
     * next scraper's first run once due, not held anew.
     */
    @Test
    void aRestartedScraperConfirmsAHeldChangeWhenItIsDue() {
        site.serve("alibaba-before-cut.html");
        String confirmAfter = "--pricewar.scraper.safety.confirm-after=3s";
        ConfigurableApplicationContext first = startScraper(confirmAfter);
        await().until(() -> events().size() == 6);
        site.serve("alibaba-after-cut.html");
        await().until(() -> !health().getLast().held().isEmpty());
        first.close();
        List<ScrapeHealth.Held> held = health().getLast().held();
        assertThat(held).extracting(h -> h.pointId().toString())
                .containsExactlyInAnyOrder("alibaba:qwen-long:input:standard", "alibaba:qwen-long:output:standard");
        assertThat(events()).as("the first scraper stopped before it could confirm").hasSize(9);
        int recordsBefore = health().size();
        Instant due = held.stream().map(h -> h.since().plusSeconds(3)).max(Instant::compareTo).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due));

        startScraper(confirmAfter);

        await().until(() -> events().size() == 11);
        ScrapeHealth firstRun = health().get(recordsBefore);
        assertThat(firstRun.eventsPublished()).as("its first run confirms the held changes").isEqualTo(2);
        assertThat(firstRun.changesHeld()).isZero();
        assertThat(firstRun.held()).isEmpty();
    }

    /**
     * A scraper stopped while a run waits for a slow page lets the run finish: its changes and its
     * scrape health are on the log when the close returns, none of it cut off by a closed producer.
     */
    @Test
    void aRunInFlightWhenTheScraperStopsStillPublishesItsChangesAndHealth() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext scraper = startScraper();
        await().until(() -> events().size() == 6);
        site.serve("alibaba-after-cut.html").delay(Duration.ofSeconds(3));
        await().until(() -> site.heldBack() > 0);

        scraper.close();

        List<ScrapeHealth> all = health();
        assertThat(all).extracting(ScrapeHealth::outcome).doesNotContain(ScrapeHealth.Outcome.PUBLISH_FAILED);
        assertThat(all.getLast()).as("the run in flight at the stop, the last to end").satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(ScrapeHealth.Outcome.SUCCEEDED);
            assertThat(run.eventsPublished()).isPositive().isEqualTo(events().size() - 6);
        });
    }

    /** A run that hangs holds the stop up for the configured timeout, not for as long as it hangs. */
    @Test
    void aStopWaitsForAHangingRunNoLongerThanItsTimeout() {
        site.serve("alibaba-before-cut.html");
        ConfigurableApplicationContext scraper = startScraper("--pricewar.scraper.shutdown.timeout=5s",
                "--pricewar.scraper.fetch.read-timeout=60s", "--pricewar.scraper.fetch.timeout=60s");
        await().until(() -> events().size() == 6);
        site.delay(Duration.ofSeconds(60));
        await().until(() -> site.heldBack() > 0);

        long start = System.nanoTime();
        scraper.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);

        assertThat(closing).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(12));
        assertThat(outcomes()).doesNotContain(ScrapeHealth.Outcome.PUBLISH_FAILED);
    }

    private List<ScrapeHealth> health() {
        return records(Topics.SCRAPE_HEALTH).stream().map(r -> ScrapeHealthJson.read(r.value())).toList();
    }

    private static int missingRuns(ScrapeHealth run) {
        return run.missing().stream().filter(m -> m.pointId().toString().equals("alibaba:qwen-turbo:input:standard"))
                .mapToInt(ScrapeHealth.Missing::runs).findFirst().orElse(0);
    }

    @Test
    void everyRunReportsItsOutcomeOnScrapeHealth() {
        site.serve("alibaba-before-cut.html");
        startScraper();
        await().until(() -> events().size() == 6);
        site.serve("alibaba-layout-changed.html");
        await().until(() -> outcomes().contains(ScrapeHealth.Outcome.LAYOUT_CHANGED));
        site.fail(404);

        await().until(() -> outcomes().contains(ScrapeHealth.Outcome.FETCH_FAILED));

        List<ScrapeHealth> health = records(Topics.SCRAPE_HEALTH).stream().map(r -> ScrapeHealthJson.read(r.value())).toList();
        assertThat(health).allSatisfy(h -> assertThat(h.sourceId()).isEqualTo("alibaba-models"));
        assertThat(health.getFirst()).satisfies(first -> {
            assertThat(first.outcome()).isEqualTo(ScrapeHealth.Outcome.SUCCEEDED);
            assertThat(first.eventsPublished()).isEqualTo(6);
            assertThat(first.pricesRead()).isEqualTo(6);
        });
        assertThat(health).filteredOn(h -> h.outcome() == ScrapeHealth.Outcome.SUCCEEDED).element(1)
                .satisfies(second -> assertThat(second.pageUnchanged()).isTrue());
        assertThat(events()).hasSize(6);
    }

    @Test
    void thePageBehindEveryEventIsOnPageSnapshotsFirst() throws Exception {
        site.serve("alibaba-before-cut.html");
        startScraper();
        await().until(() -> events().size() == 6);

        List<ConsumerRecord<String, byte[]>> snapshots = records(Topics.PAGE_SNAPSHOTS);
        List<ConsumerRecord<String, byte[]>> events = records(Topics.PRICE_EVENTS);

        String sha = PriceEventJson.read(events.getFirst().value()).evidence().sha256();
        assertThat(events).allSatisfy(e -> assertThat(PriceEventJson.read(e.value()).evidence().sha256()).isEqualTo(sha));
        ConsumerRecord<String, byte[]> snapshot = snapshots.stream().filter(r -> r.key().equals(sha)).findFirst().orElseThrow();
        byte[] body = new GZIPInputStream(new ByteArrayInputStream(snapshot.value())).readAllBytes();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))).isEqualTo(sha);
        assertThat(header(snapshot, Topics.SNAPSHOT_URL_HEADER)).isEqualTo(site.url());
        assertThat(header(snapshot, Topics.SNAPSHOT_ENCODING_HEADER)).isEqualTo("gzip");
        assertThat(header(snapshot, Topics.SNAPSHOT_CONTENT_TYPE_HEADER)).startsWith("text/html");
        assertThat(Instant.parse(header(snapshot, Topics.SNAPSHOT_FETCHED_AT_HEADER))).isNotNull();
        assertThat(snapshot.timestamp()).isLessThanOrEqualTo(events.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow());
    }

    @Test
    void aPageWhoseSnapshotIsOverAMegabyteCompressedIsStillPublished() throws Exception {
        byte[] body = withIncompressiblePadding(FixturePages.html("alibaba-before-cut.html"), 2 * 1024 * 1024);
        site.serveBody(body);
        startScraper();

        await().until(() -> events().size() == 6);

        String sha = events().getFirst().evidence().sha256();
        ConsumerRecord<String, byte[]> snapshot = records(Topics.PAGE_SNAPSHOTS).stream()
                .filter(r -> r.key().equals(sha)).findFirst().orElseThrow();
        assertThat(snapshot.value().length).as("compressed, still over the 1 MB default limits").isGreaterThan(1024 * 1024);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(snapshot.value())).readAllBytes()).isEqualTo(body);
    }

    /** The page with a comment of random printable text, which gzip can shrink only a little. */
    private static byte[] withIncompressiblePadding(String html, int bytes) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder padding = new StringBuilder(bytes);
        for (int i = 0; i < bytes; i++) {
            char c = (char) ('0' + random.nextInt(75)); // '0'..'z', never "--" or ">"
            padding.append(c == '>' || c == '-' ? 'x' : c);
        }
        return html.replace("</body>", "<!-- " + padding + " --></body>").getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<ScrapeHealth.Outcome> outcomes() {
        return records(Topics.SCRAPE_HEALTH).stream().map(r -> ScrapeHealthJson.read(r.value()).outcome()).toList();
    }

    /** The Alibaba models-as-rows source, as most tests here scrape it. */
    private static final Map<String, String> ALIBABA = Map.of(
            "id", "alibaba-models", "vendor", "alibaba", "currency", "CNY",
            "table.selector", "table.price-table", "table.model-column", "模型名称",
            "table.meters.input", "输入", "table.meters.output", "输出");
    /** DeepSeek's models-as-columns page, as the built-in catalog reads it. */
    private static final Map<String, String> DEEPSEEK = Map.of(
            "id", "deepseek", "vendor", "deepseek", "currency", "USD", "columns.selector", "table",
            "columns.meters.input-cache-hit", "1M INPUT TOKENS (CACHE HIT)",
            "columns.meters.input", "1M INPUT TOKENS (CACHE MISS)", "columns.meters.output", "1M OUTPUT TOKENS",
            "columns.tiers.standard", "STANDARD PRICE", "columns.tiers.off-peak", "DISCOUNT PRICE");

    private ConfigurableApplicationContext startScraper(String... moreArgs) {
        return startScraper(ALIBABA, moreArgs);
    }

    private ConfigurableApplicationContext startScraper(Map<String, String> source, String... moreArgs) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("pricewar.scraper.tick", "100ms");
        properties.put("pricewar.scraper.safety.confirm-after", CONFIRM_AFTER.toMillis() + "ms");
        properties.put("pricewar.scraper.fetch.per-host-interval", "10ms");
        properties.put("pricewar.scraper.sources[0].url", site.url());
        properties.put("pricewar.scraper.sources[0].interval", "200ms");
        source.forEach((key, value) -> properties.put("pricewar.scraper.sources[0]." + key, value));
        // As command-line arguments: they win over scraper.yml, as an operator's would.
        for (String more : moreArgs) { // "--key=value", in place of the default above
            properties.put(more.substring(2, more.indexOf('=')), more.substring(more.indexOf('=') + 1));
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = ScraperApplication.builder().run(args);
        scrapers.add(context);
        return context;
    }

    /** Waits for {@code more} further runs with the outcome, so a test sees steady state, not a guess. */
    private static void awaitScrapes(ConfigurableApplicationContext scraper, String outcome, int more) {
        MeterRegistry metrics = scraper.getBean(MeterRegistry.class);
        double start = count(metrics, outcome);
        await().until(() -> count(metrics, outcome) >= start + more);
    }

    private static double count(MeterRegistry metrics, String outcome) {
        var counter = metrics.find("pricewar.scraper.scrapes").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<PriceEvent> events() {
        List<PriceEvent> events = new ArrayList<>(records(Topics.PRICE_EVENTS).stream().map(r -> PriceEventJson.read(r.value())).toList());
        events.sort(java.util.Comparator.comparing(PriceEvent::observedAt).thenComparing(e -> e.pointId().toString()));
        return events;
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        return TopicRecords.read(kafka.bootstrapServers(), topic);
    }
}
