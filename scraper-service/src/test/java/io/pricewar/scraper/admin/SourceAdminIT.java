package io.pricewar.scraper.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.scraper.FixtureSite;
import io.pricewar.scraper.ScraperApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin API of a running scraper on the real broker, through its HTTP port. */
class SourceAdminIT {

    private static final String KEY = "s3cret-admin-key";

    private EmbeddedKafka kafka;
    private FixtureSite site;
    private ConfigurableApplicationContext scraper;
    private WebTestClient http;

    @BeforeEach
    void start() {
        kafka = EmbeddedKafka.start();
        site = new FixtureSite().serve("alibaba-before-cut.html");
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("pricewar.scraper.tick", "100ms");
        properties.put("pricewar.scraper.fetch.per-host-interval", "5ms");
        properties.put("pricewar.scraper.admin.key", KEY);
        sourceProperties(0, "alibaba-models", "1h").forEach(properties::put);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        scraper = ScraperApplication.builder().run(args);
        http = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(10))
                .baseUrl("http://127.0.0.1:" + scraper.getEnvironment().getProperty("local.server.port")).build();
    }

    @AfterEach
    void stop() {
        scraper.close();
        site.close();
        kafka.close();
    }

    private Map<String, String> sourceProperties(int index, String id, String interval) {
        String prefix = "pricewar.scraper.sources[" + index + "].";
        return Map.of(prefix + "id", id, prefix + "vendor", "alibaba", prefix + "url", site.url(),
                prefix + "interval", interval, prefix + "currency", "CNY",
                prefix + "table.selector", "table.price-table", prefix + "table.model-column", "模型名称",
                prefix + "table.meters.input", "输入", prefix + "table.meters.output", "输出");
    }

    @Test
    void refusesRequestsWithoutTheKeyAs401AndWithAWrongKeyAs403() {
        http.get().uri("/api/v1/sources").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("X-Admin-Key"));
        http.get().uri("/api/v1/sources").header("X-Admin-Key", "guess").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void listsEverySourceWithItsLastRunAndHealth() {
        await().untilAsserted(() -> http.get().uri("/api/v1/sources").header("X-Admin-Key", KEY).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo("alibaba-models")
                .jsonPath("$[0].health").isEqualTo("SUCCEEDED")
                .jsonPath("$[0].scrapedByThisReplica").isEqualTo(true)
                .jsonPath("$[0].lastRun.pricesRead").isEqualTo(6)
                .jsonPath("$[0].origin").isEqualTo("config"));
    }

    @Test
    void scrapesASourceNowInsteadOfWaitingForItsInterval() {
        await().until(() -> scrapes("alibaba-models") == 1);

        http.post().uri("/api/v1/sources/alibaba-models/scrape").header("X-Admin-Key", KEY).exchange()
                .expectStatus().isAccepted();

        await().until(() -> scrapes("alibaba-models") == 2);
    }

    @Test
    void addsASourceThatIsThenScrapedAndDisablesIt() {
        http.put().uri("/api/v1/sources/alibaba-copy").header("X-Admin-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id":"alibaba-copy","vendor":"alibaba","url":"%s?copy","interval":"200ms","currency":"CNY",
                         "table":{"selector":"table.price-table","modelColumn":"模型名称","meters":{"input":"输入","output":"输出"}}}
                        """.formatted(site.url()))
                .exchange()
                .expectStatus().isCreated();
        await().until(() -> scrapes("alibaba-copy") >= 2);

        http.post().uri("/api/v1/sources/alibaba-copy/disable").header("X-Admin-Key", KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);

        // Once the change has reached the scheduler, the count stays where it is: a disabled source is not run.
        double[] seen = {scrapes("alibaba-copy")};
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> {
            double now = scrapes("alibaba-copy");
            boolean unchanged = now == seen[0];
            seen[0] = now;
            return unchanged;
        });
    }

    @Test
    void rejectsAnInvalidDefinitionSayingWhatIsWrong() {
        http.put().uri("/api/v1/sources/broken").header("X-Admin-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"broken\",\"vendor\":\"alibaba\",\"url\":\"ftp://nowhere\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid source definition")
                .jsonPath("$.problems[?(@ =~ /.*url.*/)]").exists()
                .jsonPath("$.problems[?(@ =~ /.*rule.*/)]").exists();
        http.put().uri("/api/v1/sources/broken").header("X-Admin-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"broken\",\"interval\":\"soon\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("interval"));
        http.get().uri("/api/v1/sources/broken").header("X-Admin-Key", KEY).exchange().expectStatus().isNotFound();
    }

    private double scrapes(String source) {
        return scraper.getBean(MeterRegistry.class).find("pricewar.scraper.scrapes").tag("source", source).counters()
                .stream().mapToDouble(Counter::count).sum();
    }
}
