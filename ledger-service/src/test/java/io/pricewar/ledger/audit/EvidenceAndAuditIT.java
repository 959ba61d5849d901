package io.pricewar.ledger.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LedgerApplication;
import io.pricewar.ledger.LogFixture;
import io.pricewar.ledger.MayTimeline;
import io.pricewar.ledger.SampleEvents;
import io.pricewar.ledger.evidence.Snapshots;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static io.pricewar.ledger.MayTimeline.QWEN_LONG_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Evidence from page-snapshots, and the audit API over the May 2024 timeline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = LedgerApplication.CONFIG_NAME)
@AutoConfigureWebTestClient(timeout = "30s")
class EvidenceAndAuditIT {

    static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final String DATABASE = "ledger-audit-it";
    static final MongoClient CLIENT = MongoClients.create(MONGO.uri(DATABASE));
    static final KafkaProducer<String, byte[]> SNAPSHOTS = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()), new StringSerializer(),
            new ByteArraySerializer());
    static final List<PriceEvent> EVENTS = MayTimeline.events();
    static boolean published;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri(DATABASE));
    }

    @AfterAll
    static void stop() {
        SNAPSHOTS.close();
        CLIENT.close();
        MONGO.close();
        KAFKA.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void timelineProjected() {
        if (!published) {
            try (var log = new LogFixture(KAFKA.bootstrapServers())) {
                log.publish(EVENTS);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/changes").exchange()
                    .expectBody().jsonPath("$.length()").isEqualTo(EVENTS.size()));
            published = true;
        }
    }

    @Test
    void snapshotIsServedByItsHashWithItsContentType() {
        byte[] body = "<html><td>0.0005元/千tokens</td></html>".getBytes(StandardCharsets.UTF_8);
        String sha = Snapshots.sha256(body);

        publishSnapshot(sha, body, "text/html; charset=utf-8");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/evidence/" + sha).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=utf-8")
                .expectHeader().valueEquals("X-Evidence-Url", "https://help.aliyun.com/model-studio/pricing")
                .expectBody(byte[].class).isEqualTo(body));
    }

    @Test
    void bodyLargerThanAChunkIsServedWhole() {
        StringBuilder page = new StringBuilder();
        for (int i = 0; page.length() < 700_000; i++) {
            page.append("<tr><td>model-").append(i).append("</td><td>0.00").append(i % 97).append("</td></tr>\n");
        }
        byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
        String sha = Snapshots.sha256(body);

        publishSnapshot(sha, body, "text/html");

        WebTestClient roomy = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 << 20)).build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> roomy.get().uri("/api/v1/evidence/" + sha).exchange()
                .expectStatus().isOk().expectBody(byte[].class).isEqualTo(body));
        Long chunks = Mono.from(CLIENT.getDatabase(DATABASE).getCollection("evidence_chunks")
                .countDocuments(Filters.eq("sha256", sha))).block();
        assertThat(chunks).isEqualTo(3);
    }

    @Test
    void snapshotWhoseBodyDoesNotHashToItsKeyIsCountedAndNotStored() {
        byte[] body = "tampered".getBytes(StandardCharsets.UTF_8);
        String claimed = Snapshots.sha256("original".getBytes(StandardCharsets.UTF_8));

        publishSnapshot(claimed, body, "text/html");

        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("ledger.evidence.records")
                .tag("outcome", "unusable").counter().count() >= 1);
        web.get().uri("/api/v1/evidence/" + claimed).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void malformedHashIsABadRequest() {
        web.get().uri("/api/v1/evidence/ABC").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("sha256");
    }

    @Test
    void auditEventsOfAPointCarryTheirEvidenceAndWhetherItsBodyIsKept() {
        PriceEvent cut = EVENTS.stream().filter(e -> e.pointId().equals(QWEN_LONG_IN) && e.seq() == 2)
                .findFirst().orElseThrow();
        byte[] cellAsBody = cut.evidence().cellText().getBytes(StandardCharsets.UTF_8);
        publishSnapshot(cut.evidence().sha256(), cellAsBody, "text/plain");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/audit/events?pointId=" + QWEN_LONG_IN + "&from=2024-05-21&to=2024-05-22").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].event.eventId").isEqualTo(cut.eventId())
                .jsonPath("$[0].event.evidence.sha256").isEqualTo(cut.evidence().sha256())
                .jsonPath("$[0].evidenceBody").isEqualTo("/api/v1/evidence/" + cut.evidence().sha256())
                .jsonPath("$[0].evidenceStored").isEqualTo(true));
        web.get().uri("/api/v1/audit/events?vendor=alibaba").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(6);
        web.get().uri("/api/v1/audit/events?vendor=alibaba&pointId=" + QWEN_LONG_IN).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void reportOfAWindowListsEventAndEvidenceHashesWithChainVerdicts() {
        Instant from = Instant.parse("2024-05-21T00:00:00Z");
        Instant to = Instant.parse("2024-05-22T00:00:00Z");
        Map<String, PriceEvent> inWindow = EVENTS.stream()
                .filter(e -> e.vendor().equals("alibaba"))
                .filter(e -> !e.observedAt().isBefore(from) && e.observedAt().isBefore(to))
                .collect(Collectors.toMap(PriceEvent::eventId, e -> e));

        ReportBody report = web.get().uri("/api/v1/audit/report?vendor=alibaba&from=2024-05-21&to=2024-05-22")
                .exchange().expectStatus().isOk().expectBody(ReportBody.class).returnResult().getResponseBody();

        assertThat(report.events()).hasSize(2).extracting(ReportLine::eventId)
                .containsExactlyInAnyOrderElementsOf(inWindow.keySet());
        report.events().forEach(line -> assertThat(line).isEqualTo(ReportLine.of(inWindow.get(line.eventId()))));
        assertThat(report.chains()).hasSize(2).allSatisfy(chain -> assertThat(chain.get("firstBroken")).isNull());
        assertThat(report.digest()).isEqualTo(digestOf(report.events()));
    }

    /** As {@link AuditReport#digest} documents it: SHA-256 over each line's canonical text and a newline, in order. */
    private static String digestOf(List<ReportLine> lines) {
        String text = lines.stream()
                .map(l -> String.join("|", l.pointId(), Long.toString(l.seq()), l.type(), l.eventId(), l.prevHash(),
                        l.hash(), l.evidenceSha256()) + "\n")
                .collect(Collectors.joining());
        return Snapshots.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The report as a client reads it, with only the fields its digest covers. */
    record ReportBody(List<ReportLine> events, List<Map<String, Object>> chains, String digest) {
    }

    record ReportLine(String pointId, long seq, String type, String eventId, String prevHash, String hash,
                      String evidenceSha256) {
        static ReportLine of(PriceEvent event) {
            return new ReportLine(event.pointId().toString(), event.seq(), event.getClass().getSimpleName(),
                    event.eventId(), event.prevHash(), event.hash(), event.evidence().sha256());
        }
    }

    @Test
    void chainsVerifyUntilAStoredEntryIsAlteredThenTheAlteredOneIsTheFirstBrokenLink() {
        PricePointId point = PricePointId.of("tamper", "model", "input", "standard");
        var listed = SampleEvents.listed(point, Price.of("1", "CNY", PriceUnit.PER_1M_TOKENS), "2024-05-01T00:00:00Z");
        var cut = SampleEvents.changed(listed, listed.price(), Price.of("0.5", "CNY", PriceUnit.PER_1M_TOKENS),
                "2024-05-02T00:00:00Z");
        var again = SampleEvents.changed(cut, cut.newPrice(), Price.of("0.4", "CNY", PriceUnit.PER_1M_TOKENS),
                "2024-05-03T00:00:00Z");
        try (var log = new LogFixture(KAFKA.bootstrapServers())) {
            log.publish(List.of(listed, cut, again));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/audit/chains/" + point)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.events").isEqualTo(3)
                .jsonPath("$.firstBroken").doesNotExist());
        web.get().uri("/api/v1/audit/chains").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.events").isEqualTo(EVENTS.size() + 3);

        Mono.from(new LedgerCollections(CLIENT.getDatabase(DATABASE)).history().updateOne(
                Filters.and(Filters.eq("pointId", point.toString()), Filters.eq("seq", 2L)),
                Updates.set("price.amount", new Decimal128(new BigDecimal("0.05"))))).block();

        web.get().uri("/api/v1/audit/chains/" + point).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.firstBroken.seq").isEqualTo(2)
                .jsonPath("$.firstBroken.reason").isEqualTo("hash does not match the event's content");
        web.get().uri("/api/v1/audit/chains").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.broken.length()").isEqualTo(1)
                .jsonPath("$.broken[0].pointId").isEqualTo(point.toString());

        // Every chain is found in the history, not through the current prices derived from it.
        Mono.from(new LedgerCollections(CLIENT.getDatabase(DATABASE)).current()
                .deleteOne(Filters.eq("_id", point.toString()))).block();
        web.get().uri("/api/v1/audit/chains").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.broken.length()").isEqualTo(1)
                .jsonPath("$.broken[0].pointId").isEqualTo(point.toString());
    }

    private static void publishSnapshot(String sha, byte[] body, String contentType) {
        var record = new ProducerRecord<>(Topics.PAGE_SNAPSHOTS, sha, gzip(body));
        record.headers().add(Topics.SNAPSHOT_URL_HEADER,
                "https://help.aliyun.com/model-studio/pricing".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.SNAPSHOT_FETCHED_AT_HEADER, "2024-05-21T02:00:00Z".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.SNAPSHOT_CONTENT_TYPE_HEADER, contentType.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.SNAPSHOT_ENCODING_HEADER, "gzip".getBytes(StandardCharsets.UTF_8));
        try {
            SNAPSHOTS.send(record).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
