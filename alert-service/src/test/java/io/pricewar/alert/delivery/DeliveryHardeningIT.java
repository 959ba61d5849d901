package io.pricewar.alert.delivery;

import com.standardwebhooks.Webhook;
import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.TopicPublisher;
import io.pricewar.alert.WebhookReceiver;
import io.pricewar.alert.WebhookReceiver.Answer;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/** Retries, Retry-After, 410, redirects and the Standard Webhooks headers, through the whole service. */
class DeliveryHardeningIT extends AlertIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static WebhookReceiver receiver;
    static TopicPublisher topic;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        topic = TopicPublisher.on(KAFKA);
    }

    @AfterAll
    static void stop() {
        topic.close();
        receiver.close();
    }

    @Test
    void aReceiverAnswering500ThenTimingOutThenOkGetsItWithOneWebhookIdAndAVerifiableSignature() {
        String key = issueKey("hardening-retries");
        PricePointId point = doubaoInput("doubao-hardening-a");
        JsonNode created = subscribe(key, "retries", point);
        receiver.script("retries", Answer.status(500), Answer.hang(Duration.ofSeconds(3)));
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

        topic.publish(listed, drop);

        await().atMost(PATIENCE).until(() -> receiver.received("retries").size() == 1);
        List<WebhookReceiver.Request> attempts = receiver.requests("retries");
        assertThat(attempts).extracting(WebhookReceiver.Request::status).containsExactly(500, 0, 200);
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.getFirst().header("webhook-id"));
        WebhookReceiver.Request accepted = attempts.getLast();
        String secret = created.get("signingSecret").asString();
        assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(accepted.body(), Map.of(
                "webhook-id", List.of(accepted.header("webhook-id")),
                "webhook-timestamp", List.of(accepted.header("webhook-timestamp")),
                "webhook-signature", List.of(accepted.header("webhook-signature")))));
        String subscriptionId = created.get("id").asString();
        await().atMost(PATIENCE).untilAsserted(() -> deliveries(key, subscriptionId)
                .jsonPath("$[0].status").isEqualTo("DELIVERED")
                .jsonPath("$[0].attempts").isEqualTo(3)
                .jsonPath("$[0].id").isEqualTo(accepted.header("webhook-id")));
    }

    @Test
    void waitsAsLongAsA429sRetryAfterAsksBeforeTryingAgain() {
        String key = issueKey("hardening-429");
        PricePointId point = doubaoInput("doubao-hardening-b");
        subscribe(key, "throttled", point);
        receiver.script("throttled", Answer.status(429, "Retry-After", "2"));
        PriceListed listed = listed(point, cnyPer1K("0.0050"));

        topic.publish(listed, changed(listed, cnyPer1K("0.0010")));

        await().atMost(PATIENCE).until(() -> receiver.received("throttled").size() == 1);
        List<WebhookReceiver.Request> attempts = receiver.requests("throttled");
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void a410DeadLettersTheDeliveryAndDisablesTheEndpointSoLaterDropsAreNotSent() {
        String key = issueKey("hardening-410");
        PricePointId point = doubaoInput("doubao-hardening-c");
        String subscriptionId = subscribe(key, "gone", point).get("id").asString();
        receiver.script("gone", Answer.status(410));
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged first = changed(listed, cnyPer1K("0.0040"));

        topic.publish(listed, first);

        await().atMost(PATIENCE).untilAsserted(() -> deliveries(key, subscriptionId)
                .jsonPath("$[0].status").isEqualTo("DEAD_LETTERED")
                .jsonPath("$[0].lastStatus").isEqualTo(410)
                .jsonPath("$[0].failureReason").value(String.class, r -> assertThat(r).contains("410")));
        web.get().uri("/api/v1/subscriptions/{id}", subscriptionId).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange().expectBody()
                .jsonPath("$.active").isEqualTo(false)
                .jsonPath("$.disabledReason").value(String.class, r -> assertThat(r).contains("410"));

        topic.publish(changed(first, cnyPer1K("0.0030")));

        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> receiver.requests("gone").size() == 1);
    }

    /** A redirect is answered the same on every retry, so the first is final; the 200 scripted after it is never asked for. */
    @Test
    void aRedirectDeadLettersTheDeliveryAtOnceWithoutRetrying() {
        String key = issueKey("hardening-redirect");
        PricePointId point = doubaoInput("doubao-hardening-e");
        String subscriptionId = subscribe(key, "redirects", point).get("id").asString();
        receiver.script("redirects", Answer.status(301, "Location", receiver.url("moved-for-good")));
        PriceListed listed = listed(point, cnyPer1K("0.0050"));

        topic.publish(listed, changed(listed, cnyPer1K("0.0040")));

        await().atMost(PATIENCE).untilAsserted(() -> deliveries(key, subscriptionId)
                .jsonPath("$[0].status").isEqualTo("DEAD_LETTERED")
                .jsonPath("$[0].attempts").isEqualTo(1)
                .jsonPath("$[0].lastStatus").isEqualTo(301)
                .jsonPath("$[0].failureReason").value(String.class,
                        r -> assertThat(r).contains("redirects").contains("not followed")));
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> receiver.requests("redirects").size() == 1);
        assertThat(receiver.requests("moved-for-good")).isEmpty();
    }

    @Test
    void showsTheSigningSecretOnlyWhenTheSubscriptionIsCreated() {
        String key = issueKey("hardening-secret");
        JsonNode created = subscribe(key, "secret", doubaoInput("doubao-hardening-d"));

        assertThat(created.get("signingSecret").asString()).startsWith("whsec_");
        web.get().uri("/api/v1/subscriptions/{id}", created.get("id").asString())
                .header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectBody().jsonPath("$.signingSecret").doesNotExist();
    }

    @Test
    void refusesToSubscribeAWebhookAtACloudMetadataAddress() {
        web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(issueKey("hardening-ssrf")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"webhookUrl\": \"http://169.254.169.254/latest/meta-data/\", \"rule\": \"ANY_DROP\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(String.class,
                        m -> assertThat(m).contains("169.254.169.254").contains("link-local"));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec deliveries(String key,
                                                                                                    String id) {
        return web.get().uri("/api/v1/subscriptions/{id}/deliveries", id).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange().expectStatus().isOk().expectBody();
    }

    private JsonNode subscribe(String key, String hook, PricePointId point) {
        String body = """
                {"webhookUrl": "%s", "rule": "ANY_DROP",
                 "target": {"vendor": "%s", "model": "%s", "meter": "%s", "tier": "%s"}}"""
                .formatted(receiver.url(hook), point.vendor(), point.model(), point.meter(), point.tier());
        return web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
