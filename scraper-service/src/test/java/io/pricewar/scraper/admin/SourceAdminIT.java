package io.pricewar.scraper.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.scraper.FixtureSite;
import io.pricewar.scraper.ScraperApplication;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        startScraper();
    }

    /** A scraper on this broker, configured with the alibaba-models source; a second call is a restart. */
    private void startScraper() {
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

    /** Errors the framework raises, not the controller, are problem details like the API's own. */
    @Test
    void answersAWrongMethodAndAnUnknownPathWithProblems() {
        http.post().uri("/api/v1/sources").header("X-Admin-Key", KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Method Not Allowed").jsonPath("$.status").isEqualTo(405);
        http.get().uri("/api/v1/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Not Found").jsonPath("$.status").isEqualTo(404);
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

        post("alibaba-models", "scrape").expectStatus().isAccepted();

        await().until(() -> scrapes("alibaba-models") == 2);
    }

    /**
     * What an operator did through the API outlives a restart: a source added is still there and
     * scraped, and a configured source disabled stays disabled rather than coming back from the
     * configuration.
     */
    @Test
    void aSourceAddedAndAConfiguredOneDisabledStaySoAfterARestart() {
        put("alibaba-copy", definition("alibaba-copy", "modelColumn")).expectStatus().isCreated();
        post("alibaba-models", "disable").expectStatus().isOk();

        scraper.close();
        startScraper();

        get("alibaba-copy").expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
        get("alibaba-models").expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);
        await().until(() -> scrapes("alibaba-copy") >= 2);
        assertThat(scrapes("alibaba-models")).as("a disabled source is not run").isZero();
    }

    @Test
    void addsASourceThatIsThenScrapedAndDisablesIt() {
        put("alibaba-copy", definition("alibaba-copy", "modelColumn")).expectStatus().isCreated();
        await().until(() -> scrapes("alibaba-copy") >= 2);

        post("alibaba-copy", "disable").expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);

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
        put("broken", "{\"id\":\"broken\",\"vendor\":\"alibaba\",\"url\":\"ftp://nowhere\"}")
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid source definition")
                .jsonPath("$.problems[?(@ =~ /.*url.*/)]").exists()
                .jsonPath("$.problems[?(@ =~ /.*rule.*/)]").exists();
        put("broken", "{\"id\":\"broken\",\"interval\":\"soon\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("interval"));
        get("broken").expectStatus().isNotFound();
    }

    @Test
    void rejectsFieldsASourceDoesNotHaveInsteadOfDroppingThem() {
        String misspelt = definition("alibaba-copy", "modelColumn")
                .replace("\"interval\"", "\"intervall\"").replace("\"meters\"", "\"tierColum\":\"档位\",\"meters\"");

        problems(put("alibaba-copy", misspelt))
                .contains("intervall is not a field of a source", "table.tierColum is not a field of a source");
        get("alibaba-copy").expectStatus().isNotFound();
    }

    @Test
    void rejectsANullOrEmptyBodyAsAProblem() {
        problems(put("alibaba-copy", "null")).containsExactly("the body must be a source definition, a JSON object");
        problems(http.put().uri("/api/v1/sources/alibaba-copy").header("X-Admin-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON).exchange())
                .containsExactly("the body must be a source definition, a JSON object");
    }

    @Test
    void acceptsFieldsAsTheProblemMessagesNameThem() {
        problems(put("alibaba-copy", definition("alibaba-copy", "modelColum"))).contains("table.model-column is missing");

        put("alibaba-copy", definition("alibaba-copy", "model-column")).expectStatus().isCreated();

        await().untilAsserted(() -> get("alibaba-copy").expectStatus().isOk()
                .expectBody().jsonPath("$.definition.table.modelColumn").isEqualTo("模型名称"));
    }

    @Test
    void changesAnExistingSource() {
        await().untilAsserted(() -> get("alibaba-models").expectStatus().isOk());

        put("alibaba-models", definition("alibaba-models", "modelColumn")).expectStatus().isOk();

        await().untilAsserted(() -> get("alibaba-models").expectStatus().isOk().expectBody()
                .jsonPath("$.url").isEqualTo(site.url() + "?alibaba-models")
                .jsonPath("$.origin").isEqualTo("admin"));
    }

    @Test
    void enablesADisabledSourceWhichIsThenScrapedAgain() {
        await().until(() -> scrapes("alibaba-models") == 1);
        post("alibaba-models", "disable").expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);
        await().untilAsserted(() -> get("alibaba-models").expectBody().jsonPath("$.enabled").isEqualTo(false));

        post("alibaba-models", "enable").expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
        await().untilAsserted(() -> get("alibaba-models").expectBody().jsonPath("$.enabled").isEqualTo(true));

        post("alibaba-models", "scrape").expectStatus().isAccepted();
        await().until(() -> scrapes("alibaba-models") == 2);
    }

    /** A copy of the configured source at its own URL, with the model column under the name given. */
    private String definition(String id, String modelColumnField) {
        return """
                {"id":"%s","vendor":"alibaba","url":"%s?%s","interval":"200ms","currency":"CNY",
                 "table":{"selector":"table.price-table","%s":"模型名称","meters":{"input":"输入","output":"输出"}}}
                """.formatted(id, site.url(), id, modelColumnField);
    }

    private WebTestClient.ResponseSpec put(String id, String json) {
        return http.put().uri("/api/v1/sources/" + id).header("X-Admin-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec get(String id) {
        return http.get().uri("/api/v1/sources/" + id).header("X-Admin-Key", KEY).exchange();
    }

    private WebTestClient.ResponseSpec post(String id, String action) {
        return http.post().uri("/api/v1/sources/" + id + "/" + action).header("X-Admin-Key", KEY).exchange();
    }

    /** The problems of a 400 problem detail, for asserting on. */
    @SuppressWarnings("unchecked")
    private static ListAssert<String> problems(WebTestClient.ResponseSpec response) {
        List<String> problems = new ArrayList<>();
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.problems").value(list -> problems.addAll((List<String>) list));
        return assertThat(problems);
    }

    private double scrapes(String source) {
        return scraper.getBean(MeterRegistry.class).find("pricewar.scraper.scrapes").tag("source", source).counters()
                .stream().mapToDouble(Counter::count).sum();
    }
}
