package io.pricewar.ledger.query;

import io.pricewar.events.PriceEvent;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LedgerApplication;
import io.pricewar.ledger.LogFixture;
import io.pricewar.ledger.MayTimeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.pricewar.ledger.MayTimeline.GLM4_PLUS_BATCH_IN;
import static io.pricewar.ledger.MayTimeline.GLM4_PLUS_IN;
import static io.pricewar.ledger.MayTimeline.QWEN_LONG_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The query API over the May 2024 price war, fed through the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = LedgerApplication.CONFIG_NAME)
@AutoConfigureWebTestClient(timeout = "30s") // a loaded 2-core CI machine can exceed the default 5 s
class LedgerQueriesIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    /** The May war, and one meter priced in two tiers for the tier filter. */
    static final List<PriceEvent> LOG = Stream.concat(MayTimeline.events().stream(),
            MayTimeline.glm4PlusTiers().stream()).toList();
    static boolean published;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("ledger-queries-it"));
    }

    @AfterAll
    static void stop() {
        MONGO.close();
        KAFKA.close();
    }

    @Autowired
    WebTestClient web;

    @BeforeEach
    void mayTimelineProjected() {
        if (!published) {
            try (var log = new LogFixture(KAFKA.bootstrapServers())) {
                log.publish(LOG);
            }
            published = true;
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/changes")
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(LOG.size()));
    }

    @ParameterizedTest
    @CsvSource({
            "2024-05-20, effective, 0.02",
            "2024-05-22, effective, 0.0005",
            "2024-05-20, observed, 0.02",
            "2024-05-22T00:00:00Z, observed, 0.0005"})
    void qwenLongInputAsOfBeforeAndAfterTheCutOf21May(String at, String axis, String amount) {
        get("/api/v1/prices/as-of?at=" + at + "&axis=" + axis + "&vendor=alibaba&model=qwen-long&meter=input")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.axis").isEqualTo(axis)
                .jsonPath("$.prices.length()").isEqualTo(1)
                .jsonPath("$.prices[0].pointId").isEqualTo(QWEN_LONG_IN.toString())
                .jsonPath("$.prices[0].price.amount").isEqualTo(amount);
    }

    @Test
    void announcedCutIsKnownToTheRecordBeforeItIsInEffect() {
        String query = "/api/v1/prices/as-of?at=2024-05-20&vendor=alibaba&model=qwen-max&axis=";
        get(query + "effective").expectStatus().isOk().expectBody().jsonPath("$.prices[0].price.amount").isEqualTo("0.12");
        get(query + "observed").expectStatus().isOk().expectBody()
                .jsonPath("$.prices[0].price.amount").isEqualTo("0.04")
                .jsonPath("$.prices[0].effectiveAt").isEqualTo("2024-05-21T00:00:00Z");
    }

    @Test
    void asOfBeforeAPointWasListedLeavesItOut() {
        get("/api/v1/prices/as-of?at=2024-05-10&model=doubao-*").expectStatus().isOk().expectBody()
                .jsonPath("$.prices.length()").isEqualTo(0);
    }

    @Test
    void currentPricesFilterByModelGlobAndCurrency() {
        get("/api/v1/prices?model=qwen-*").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(3);
        get("/api/v1/prices?currency=usd").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].vendor").isEqualTo("openai");
    }

    @Test
    void currentPricesFilterByTier() {
        get("/api/v1/prices?model=glm-4-plus").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
        get("/api/v1/prices?model=glm-4-plus&tier=batch").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].pointId").isEqualTo(GLM4_PLUS_BATCH_IN.toString())
                .jsonPath("$[0].price.amount").isEqualTo("25");
        get("/api/v1/prices?vendor=zhipu&tier=Standard").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].pointId").isEqualTo(GLM4_PLUS_IN.toString())
                .jsonPath("$[0].price.amount").isEqualTo("50");
    }

    @Test
    void changesFeedPutsBecomingFreeFirstThenTheBiggestCut() {
        get("/api/v1/changes?from=2024-05-19&to=2024-05-22&type=PriceChanged&sort=biggest-drop")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[0].model").isEqualTo("ernie-speed-8k")
                .jsonPath("$[0].relativeChange").isEqualTo("-1")
                .jsonPath("$[1].pointId").isEqualTo(QWEN_LONG_IN.toString())
                .jsonPath("$[1].relativeChange").isEqualTo("-0.975")
                .jsonPath("$[1].deltaPer1M").isEqualTo("-19.5");
    }

    @Test
    void changesFeedInTimeOrderIsFilterable() {
        get("/api/v1/changes?vendor=openai").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].type").isEqualTo("PriceListed");
    }

    @Test
    void cheapestForA3To1WorkloadConvertsDollarsAtTheDatedRateAndNamesIt() {
        get("/api/v1/workload/cheapest?mix=3:1&currency=CNY&ratesOn=2024-05-22")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.ratesUsed[0].from").isEqualTo("USD")
                .jsonPath("$.ratesUsed[0].rate").isEqualTo("7.24")
                .jsonPath("$.ratesUsed[0].date").isEqualTo("2024-05-01")
                // Qwen-Long after the cut: (3 x 0.5 + 1 x 2) / 4 = 0.875 CNY per 1M tokens.
                .jsonPath("$.ranking[0].model").isEqualTo("qwen-long")
                .jsonPath("$.ranking[0].headlineInputPer1M").isEqualTo("0.5")
                .jsonPath("$.ranking[0].blendedPer1M").isEqualTo("0.875")
                // Doubao: the lowest headline (0.8) but blended (3 x 0.8 + 1 x 2) / 4 = 1.1.
                .jsonPath("$.ranking[1].model").isEqualTo("doubao-pro-32k")
                .jsonPath("$.ranking[1].blendedPer1M").isEqualTo("1.1")
                .jsonPath("$.ranking[2].model").isEqualTo("deepseek-v2")
                .jsonPath("$.ranking[3].model").isEqualTo("gpt-4o")
                .jsonPath("$.ranking[3].blendedPer1M").isEqualTo("54.3")
                .jsonPath("$.excluded[?(@.model == 'alibaba:qwen-max:standard')].reason")
                .value(reason -> assertThat(reason.toString()).contains("no current 'output' price"));
    }

    @Test
    void minimumContextKeepsOnlyModelsWhoseNamesStateEnoughAndListsTheUnknown() {
        get("/api/v1/workload/cheapest?mix=3:1:0&minContext=32000").expectStatus().isOk().expectBody()
                .jsonPath("$.ranking.length()").isEqualTo(1)
                .jsonPath("$.ranking[0].model").isEqualTo("doubao-pro-32k")
                .jsonPath("$.ranking[0].contextTokens").isEqualTo(32000)
                .jsonPath("$.excluded[?(@.model == 'deepseek:deepseek-v2:standard')].reason")
                .value(reason -> assertThat(reason.toString()).contains("context length unknown"));
    }

    @Test
    void historyIsPagedByCursorInALinkHeader() {
        var first = get("/api/v1/prices/" + QWEN_LONG_IN + "/history?limit=1").expectStatus().isOk()
                .expectHeader().exists(HttpHeaders.LINK)
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].seq").isEqualTo(1)
                .returnResult();
        String cursor = first.getResponseHeaders().getFirst("X-Next-Cursor");

        get("/api/v1/prices/" + QWEN_LONG_IN + "/history?limit=1&cursor=" + cursor).expectStatus().isOk()
                .expectBody().jsonPath("$[0].seq").isEqualTo(2).jsonPath("$[0].price.amount").isEqualTo("0.0005");
        get("/api/v1/prices/" + QWEN_LONG_IN + "/history?from=2024-05-02&to=2024-06-01").expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].seq").isEqualTo(2);
    }

    @Test
    void historyExportsAsCsvAndJson() {
        String csv = get("/api/v1/history/export?format=csv&vendor=alibaba&model=qwen-long").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment.*price-history.csv.*")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("pointId,vendor,model,meter,tier,seq,type");
        assertThat(csv).contains("alibaba:qwen-long:input:standard,alibaba,qwen-long,input,standard,2,PriceChanged");

        get("/api/v1/history/export?format=json&model=qwen-long&meter=input").expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].event.price.amount").isEqualTo("0.0005");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/prices?currency=XYZ, currency",
            "/api/v1/changes?from=2024-05-22&to=2024-05-01, to",
            "/api/v1/prices/as-of?at=yesterday, at",
            "/api/v1/prices/as-of?at=2024-05-20&axis=sideways, axis",
            "/api/v1/workload/cheapest?currency=ZZZ, currency",
            "/api/v1/workload/cheapest?currency=CHF, currency",
            "/api/v1/workload/cheapest?mix=3, mix",
            "/api/v1/workload/cheapest?limit=0, limit",
            "/api/v1/history/export?format=xml, format",
            "/api/v1/prices/alibaba:qwen-long:input:standard/history?cursor=bogus, cursor"})
    void badParametersAreProblemDetailsNamingTheParameter(String uri, String parameter) {
        get(uri).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.parameter").isEqualTo(parameter);
    }

    /** Parameters the framework converts (a boolean, a number) answer a problem detail as well. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/changes?dropsOnly=maybe", "/api/v1/workload/cheapest?limit=abc",
            "/api/v1/workload/cheapest?minContext=abc"})
    void unconvertibleParametersAreProblemDetails(String uri) {
        get(uri).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.title").exists();
    }

    @Test
    void openApiDocumentsEveryQueryRoute() {
        var body = get("/v3/api-docs").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) body.get("paths")).keySet()).map(Object::toString).contains("/api/v1/prices",
                "/api/v1/prices/{pointId}/history", "/api/v1/prices/as-of", "/api/v1/changes",
                "/api/v1/workload/cheapest", "/api/v1/history/export");
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return web.get().uri(uri).exchange();
    }
}
