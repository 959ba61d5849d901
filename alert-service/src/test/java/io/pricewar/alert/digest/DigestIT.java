package io.pricewar.alert.digest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.standardwebhooks.Webhook;
import io.pricewar.alert.AlertApplication;
import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.MongoCollections;
import io.pricewar.alert.TestClock;
import io.pricewar.alert.TopicPublisher;
import io.pricewar.alert.WebhookReceiver;
import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.delivery.Delivery;
import io.pricewar.alert.delivery.DeliveryStatus;
import io.pricewar.alert.subscription.DigestSchedule;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Daily digests end to end: drops on the topic are held, not sent; when the clock passes the
 * subscriber's cut-over, one signed digest lists them all; a restart finds it recorded and sends
 * nothing more.
 */
class DigestIT extends AlertIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DigestSchedule SHANGHAI_8AM = new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));
    static final String DIGEST = """
            "digest": {"daily": true, "at": "08:00", "zone": "Asia/Shanghai"}""";

    static TopicPublisher topic;
    static WebhookReceiver receiver;

    @Autowired
    TestClock clock;
    @Autowired
    DigestItems items;
    @Autowired
    DigestSender sender;
    @Autowired
    Deliveries deliveries;
    @Autowired
    MongoDatabase database;

    ConfigurableApplicationContext restarted;

    @BeforeAll
    static void start() {
        topic = TopicPublisher.on(KAFKA);
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        topic.close();
        receiver.close();
    }

    @AfterEach
    void backToNow() {
        if (restarted != null) {
            restarted.close();
        }
        if (!sender.isRunning()) {
            sender.start();
        }
        clock.reset();
    }

    @Test
    void severalDropsInADayMakeExactlyOneSignedDigestListingThemAllAndARestartDoesNotSendItAgain() {
        String key = issueKey("digest-it");
        PricePointId point = doubaoInput("doubao-digest");
        JsonNode created = subscribe(key, """
                {"webhookUrl": "%s", "rule": "ANY_DROP", "target": {"model": "%s"}, %s}"""
                .formatted(receiver.url("digest"), point.model(), DIGEST));
        String id = created.get("id").asString();
        String secret = created.get("signingSecret").asString();
        assertThat(created.get("digest").get("zone").asString()).isEqualTo("Asia/Shanghai");
        String quietId = subscribe(key, """
                {"webhookUrl": "%s", "rule": "ANY_DROP", "target": {"model": "doubao-digest-quiet"}, %s}"""
                .formatted(receiver.url("digest-quiet"), DIGEST)).get("id").asString();
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged first = changed(listed, cnyPer1K("0.0040"));
        PriceChanged second = changed(first, cnyPer1K("0.0030"));
        PriceChanged third = changed(second, cnyPer1K("0.0008"));

        clearOfCutOver();
        topic.publish(listed, first, second, third);

        await().atMost(PATIENCE).until(() -> held(id).size() == 3);
        assertThat(receiver.requests("digest")).isEmpty();
        assertThat(deliveries.ofSubscription(id).collectList().block()).isEmpty();

        LocalDate day = passTheCutOver();

        await().atMost(PATIENCE).until(() -> receiver.received("digest").size() == 1);
        WebhookReceiver.Request request = receiver.requests("digest").getFirst();
        String digestId = Delivery.idOf(id, "digest-" + day);
        assertThat(request.header("webhook-id")).isEqualTo(digestId);
        assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(request.body(), Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")))));
        JsonNode digest = JSON.readTree(request.body());
        assertThat(digest.get("kind").asString()).isEqualTo("DAILY_DIGEST");
        assertThat(digest.get("day").asString()).isEqualTo(day.toString());
        assertThat(digest.get("until").asString()).isEqualTo(SHANGHAI_8AM.endOf(day).toString());
        assertThat(digest.get("count").asInt()).isEqualTo(3);
        List<JsonNode> listedDrops = new ArrayList<>();
        digest.get("notifications").forEach(listedDrops::add);
        assertThat(listedDrops).extracting(n -> n.get("eventId").asString())
                .containsExactly(first.eventId(), second.eventId(), third.eventId());
        assertThat(listedDrops).extracting(n -> n.get("pointId").asString()).containsOnly(point.toString());
        assertThat(listedDrops).extracting(n -> n.get("oldPrice").get("amount").asString() + " -> "
                + n.get("newPrice").get("amount").asString())
                .containsExactly("0.0050 -> 0.0040", "0.0040 -> 0.0030", "0.0030 -> 0.0008");
        await().atMost(PATIENCE).until(() -> held(id).stream().allMatch(item -> digestId.equals(item.getString("sentIn"))));

        // A crash after the digest was recorded but before its items were marked, and a notification
        // of the same day that came after it: the restarted service must not send the day again.
        sender.stop();
        unmark(id);
        PriceChanged late = changed(third, cnyPer1K("0.0007"));
        Instant collectedLate = SHANGHAI_8AM.endOf(day).minusSeconds(1);
        items.collectAll(List.of(DigestItem.of(id, late.eventId(), "{}", SHANGHAI_8AM, collectedLate))).block();
        restarted = startReplica(clock);

        await().atMost(PATIENCE).until(() -> held(id).stream()
                .filter(item -> digestId.equals(item.getString("sentIn"))).count() == 3);
        await().atMost(PATIENCE).until(() -> day.plusDays(1).toString().equals(lateItem(id, late).getString("day")));
        assertThat(lateItem(id, late).get("sentIn")).isNull();
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> receiver.requests("digest").size() == 1 && receiver.requests("digest-quiet").isEmpty());
        assertThat(deliveries.ofSubscription(id).collectList().block()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));
        assertThat(deliveries.ofSubscription(quietId).collectList().block()).isEmpty();
    }

    /** A blended rule's notification is held and listed like any other, with its blend. */
    @Test
    void aBlendedDropIsListedInTheDigestWithItsBlend() {
        String key = issueKey("digest-blend");
        PricePointId input = new PricePointId("alibaba", "qwen-digest-blend", "input", "standard");
        PricePointId output = new PricePointId("alibaba", "qwen-digest-blend", "output", "standard");
        String id = subscribe(key, """
                {"webhookUrl": "%s", "condition": {"type": "BLENDED_DROP", "mix": {"input": "1", "output": "3"}},
                 "target": {"vendor": "alibaba", "model": "qwen-digest-blend"}, %s}"""
                .formatted(receiver.url("digest-blend"), DIGEST)).get("id").asString();
        PriceListed inputListed = listed(input, cnyPer1K("0.12"));
        PriceListed outputListed = listed(output, cnyPer1K("0.12"));
        PriceChanged inputCut = changed(inputListed, cnyPer1K("0.04"));
        clearOfCutOver();
        topic.publish(inputListed, outputListed, inputCut);
        await().atMost(PATIENCE).until(() -> held(id).size() == 1);
        assertThat(receiver.requests("digest-blend")).isEmpty();

        passTheCutOver();

        await().atMost(PATIENCE).until(() -> receiver.received("digest-blend").size() == 1);
        JsonNode digest = JSON.readTree(receiver.requests("digest-blend").getFirst().body());
        assertThat(digest.get("kind").asString()).isEqualTo("DAILY_DIGEST");
        assertThat(digest.get("count").asInt()).isEqualTo(1);
        JsonNode drop = digest.get("notifications").get(0);
        assertThat(drop.get("kind").asString()).isEqualTo("BLENDED_DROP");
        assertThat(drop.get("eventId").asString()).startsWith("model:alibaba:qwen-digest-blend:"); // one per model and instant
        assertThat(drop.get("blended").get("mix").asString()).isEqualTo("1:3:0");
        assertThat(drop.get("blended").get("before").asString()).isEqualTo("120.0000000000");
        assertThat(drop.get("blended").get("after").asString()).isEqualTo("100.0000000000");
    }

    /** Deleting a subscription gives up what it held: at the cut-over nothing is sent, and its items are settled. */
    @Test
    void aSubscriptionDeletedBeforeItsCutOverSendsNoDigestAndItsHeldItemsAreCancelled() {
        String key = issueKey("digest-deleted");
        PricePointId point = doubaoInput("doubao-digest-deleted");
        String id = subscribe(key, """
                {"webhookUrl": "%s", "rule": "ANY_DROP", "target": {"model": "%s"}, %s}"""
                .formatted(receiver.url("digest-deleted"), point.model(), DIGEST)).get("id").asString();
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0040"));
        clearOfCutOver();
        topic.publish(listed, drop);
        await().atMost(PATIENCE).until(() -> held(id).size() == 1);

        web.delete().uri("/api/v1/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange().expectStatus().isNoContent();
        passTheCutOver();

        await().atMost(PATIENCE).until(() -> held(id).stream()
                .allMatch(item -> DigestItems.CANCELLED.equals(item.getString("sentIn"))));
        assertThat(receiver.requests("digest-deleted")).isEmpty();
        assertThat(deliveries.ofSubscription(id).collectList().block()).isEmpty();
    }

    @Test
    void aDigestGoesByEmailAsOneMessage() throws Exception {
        String key = issueKey("digest-mail");
        PricePointId point = doubaoInput("doubao-digest-mail");
        String id = subscribe(key, """
                {"emailTo": "digest@example.com", "rule": "ANY_DROP", "target": {"model": "%s"}, %s}"""
                .formatted(point.model(), DIGEST)).get("id").asString();
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged first = changed(listed, cnyPer1K("0.0040"));
        PriceChanged second = changed(first, cnyPer1K("0.0030"));
        clearOfCutOver();
        topic.publish(listed, first, second);
        await().atMost(PATIENCE).until(() -> held(id).size() == 2);

        LocalDate day = passTheCutOver();

        await().atMost(PATIENCE).until(() -> SMTP.receivedBy("digest@example.com").size() == 1);
        MimeMessage mail = SMTP.receivedBy("digest@example.com").getFirst();
        assertThat(mail.getSubject()).isEqualTo("[PriceWar] Daily digest of " + day + " (Asia/Shanghai): 2 notifications");
        assertThat(mail.getContent().toString()).contains("(event " + first.eventId() + ")",
                "(event " + second.eventId() + ")");
    }

    @Test
    void badDigestFieldsAreRefusedWithAProblemNamingEach() {
        String key = issueKey("digest-invalid");
        web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"webhookUrl": "https://hooks.example.test/x", "rule": "ANY_DROP",
                         "digest": {"daily": true, "at": "8 o'clock", "zone": "Asia/Atlantis"}}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("digest.at")
                .jsonPath("$.errors[1].field").isEqualTo("digest.zone");
        web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"webhookUrl": "https://hooks.example.test/x", "rule": "ANY_DROP", "digest": {"daily": "often"}}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("digest.daily");
    }

    @Test
    void aPatchSwitchesTheDigestOffAndLeavingItOutKeepsIt() {
        String key = issueKey("digest-patch");
        String id = subscribe(key, """
                {"webhookUrl": "https://hooks.example.test/patch", "rule": "ANY_DROP", %s}""".formatted(DIGEST))
                .get("id").asString();

        web.patch().uri("/api/v1/subscriptions/" + id).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"cooldown\": \"PT1H\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.digest.at").isEqualTo("08:00");
        web.patch().uri("/api/v1/subscriptions/" + id).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"digest\": {\"daily\": false}}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.digest").doesNotExist();
    }

    /** Moves the clock just past the end of today's digest day; returns that day. */
    private LocalDate passTheCutOver() {
        LocalDate day = SHANGHAI_8AM.dayOf(clock.instant());
        clock.advance(Duration.between(clock.instant(), SHANGHAI_8AM.endOf(day)).plusSeconds(1));
        return day;
    }

    /** So that a test run just before 08:00 in Shanghai does not see its drops split over two days. */
    private void clearOfCutOver() {
        Instant now = clock.instant();
        if (Duration.between(now, SHANGHAI_8AM.endOf(SHANGHAI_8AM.dayOf(now))).compareTo(Duration.ofMinutes(5)) < 0) {
            clock.advance(Duration.ofMinutes(10));
        }
    }

    private JsonNode subscribe(String key, String body) {
        return web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<Document> held(String subscriptionId) {
        return items.ofSubscription(subscriptionId).collectList().block();
    }

    private Document lateItem(String subscriptionId, PriceChanged late) {
        return items.ofSubscription(subscriptionId).filter(d -> d.getString("eventId").equals(late.eventId()))
                .blockFirst();
    }

    private void unmark(String subscriptionId) {
        Mono.from(database.getCollection(MongoCollections.DIGEST_ITEMS).updateMany(
                Filters.eq("subscriptionId", subscriptionId), Updates.set("sentIn", null))).block();
    }

    /** The service started again on the same database, with the same (moved) clock. */
    private static ConfigurableApplicationContext startReplica(Clock clock) {
        return AlertApplication.builder()
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run(secondReplicaArgs("digest-admin",
                        "--pricewar.alert.delivery.guard.allow-plain-http=true",
                        "--pricewar.alert.delivery.guard.allowed-networks=127.0.0.0/8",
                        "--pricewar.alert.delivery.sweep-interval=200ms",
                        "--pricewar.alert.rules.check-interval=1h",
                        "--pricewar.alert.digest.check-interval=200ms"));
    }
}
