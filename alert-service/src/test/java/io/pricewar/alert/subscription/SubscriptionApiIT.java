package io.pricewar.alert.subscription;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.WebhookReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubscriptionApiIT extends AlertIntegrationTest {

    static final String VALID = """
            {"webhookUrl": "https://hooks.example.test/prices", "rule": "ANY_DROP",
             "target": {"vendor": "deepseek", "meter": "input"}}""";

    static final JsonMapper JSON = JsonMapper.builder().build();

    String key;

    @BeforeEach
    void issueAKey() {
        key = issueKey("subscription-api-it");
    }

    @Test
    void createsASubscriptionAndSaysWhereItLives() {
        WebTestClient.ResponseSpec created = post(VALID).expectStatus().isCreated();

        String location = Objects.requireNonNull(
                created.returnResult(String.class).getResponseHeaders().getLocation()).toString();
        created.expectBody()
                .jsonPath("$.id").value(id -> assertThat(location).isEqualTo("/api/v1/subscriptions/" + id))
                .jsonPath("$.webhookUrl").isEqualTo("https://hooks.example.test/prices")
                .jsonPath("$.rule").isEqualTo("ANY_DROP")
                .jsonPath("$.target.vendor").isEqualTo("deepseek")
                .jsonPath("$.target.model").isEmpty()
                .jsonPath("$.target.meter").isEqualTo("input")
                .jsonPath("$.createdAt").isNotEmpty();
        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.target.vendor").isEqualTo("deepseek");
    }

    @Test
    void listsTheOwnersLiveSubscriptionsOnly() {
        String kept = post(VALID).expectStatus().isCreated().returnResult(String.class)
                .getResponseHeaders().getLocation().toString();
        String deleted = post(VALID.replace("ANY_DROP", "NEW_LISTING")).expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        web.delete().uri(deleted).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange().expectStatus().isNoContent();
        String otherOwner = issueKey("subscription-api-it-other");
        web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(otherOwner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID).exchange().expectStatus().isCreated();

        web.get().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(kept.substring(kept.lastIndexOf('/') + 1))
                .jsonPath("$[0].signingSecret").doesNotExist();
        web.get().uri("/api/v1/subscriptions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void answersAnUnknownSubscriptionWithAProblem() {
        web.get().uri("/api/v1/subscriptions/no-such-id").header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("no subscription with id no-such-id");
    }

    @Test
    void answersTheDeliveriesOfAnUnknownSubscriptionWithAProblem() {
        web.get().uri("/api/v1/subscriptions/no-such-id/deliveries").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deletesASubscriptionSoItIsGone() {
        String location = Objects.requireNonNull(post(VALID).expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation()).toString();

        web.delete().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isNoContent();

        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isNotFound();
        web.delete().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void rejectsAMissingWebhookUrl() {
        assertBadField("""
                {"rule": "ANY_DROP"}""", "webhookUrl", "is required");
    }

    @Test
    void rejectsAnEmailToThatIsNotAnAddress() {
        assertBadField("""
                {"emailTo": "not-an-address", "rule": "ANY_DROP"}""", "emailTo", "e-mail address");
    }

    @Test
    void rejectsARelativeWebhookUrl() {
        assertBadField("""
                {"webhookUrl": "/hooks/prices", "rule": "ANY_DROP"}""", "webhookUrl", "absolute");
    }

    @Test
    void rejectsAWebhookUrlThatIsNotHttp() {
        assertBadField("""
                {"webhookUrl": "ftp://hooks.example.test/prices", "rule": "ANY_DROP"}""", "webhookUrl", "ftp");
    }

    @Test
    void rejectsAnUnknownRule() {
        assertBadField("""
                {"webhookUrl": "https://hooks.example.test/prices", "rule": "ANY_RISE"}""", "rule", "ANY_RISE");
    }

    @Test
    void rejectsATargetPartThatIsNotAPointIdSlug() {
        assertBadField("""
                {"webhookUrl": "https://hooks.example.test/prices", "rule": "ANY_DROP",
                 "target": {"model": "Doubao Pro"}}""", "target.model", "slug");
    }

    @Test
    void rejectsATargetThatIsNotAnObject() {
        assertBadField("""
                {"webhookUrl": "https://hooks.example.test/prices", "rule": "ANY_DROP", "target": 42}""",
                "target", "cannot be read");
    }

    @Test
    void rejectsMalformedJson() {
        assertBadField("{\"webhookUrl\": ", "body", "malformed JSON");
    }

    @Test
    void namesEveryBadFieldInOneProblem() {
        post("""
                {"webhookUrl": "mailto:me@example.test", "rule": "ANY_RISE"}""")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("webhookUrl")
                .jsonPath("$.errors[1].field").isEqualTo("rule");
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndRaisesTheVersion() {
        String location = Objects.requireNonNull(post(VALID).expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation()).toString();

        web.patch().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"condition": {"type": "DROP_AT_LEAST", "percent": "20"}, "cooldown": "PT30M"}""")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rule").isEqualTo("DROP_AT_LEAST")
                .jsonPath("$.condition.percent").isEqualTo("20")
                .jsonPath("$.cooldown").isEqualTo("PT30M")
                .jsonPath("$.target.vendor").isEqualTo("deepseek")
                .jsonPath("$.webhookUrl").isEqualTo("https://hooks.example.test/prices")
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.signingSecret").doesNotExist();
    }

    @Test
    void putReplacesTheWholeSubscriptionAndNamesEveryBadField() {
        String location = Objects.requireNonNull(post(VALID).expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation()).toString();

        web.put().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"webhookUrl": "https://hooks.example.test/prices",
                         "condition": {"type": "DROP_AT_LEAST", "percent": "150"}, "cooldown": "soon"}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("condition.percent")
                .jsonPath("$.errors[1].field").isEqualTo("cooldown");
        web.put().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"webhookUrl": "https://hooks.example.test/prices", "rule": "NEW_LISTING"}""")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rule").isEqualTo("NEW_LISTING")
                .jsonPath("$.target.vendor").isEmpty();
    }

    @Test
    void changingAnotherOwnersOrAnUnknownSubscriptionIsNotFound() {
        String location = Objects.requireNonNull(post(VALID).expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation()).toString();
        String stranger = issueKey("stranger");

        web.patch().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(stranger))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"cooldown\": \"PT1H\"}")
                .exchange().expectStatus().isNotFound();
        web.put().uri("/api/v1/subscriptions/no-such-id").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void sendsASignedTestNotificationAndListsItAmongTheDeliveries() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String created = post("""
                    {"webhookUrl": "%s", "rule": "ANY_DROP"}""".formatted(receiver.url("test-hook")))
                    .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
            JsonNode subscription = JSON.readTree(created);
            String id = subscription.get("id").asString();

            web.post().uri("/api/v1/subscriptions/{id}/test", id).header(HttpHeaders.AUTHORIZATION, bearer(key))
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectBody().jsonPath("$.eventId").value(String.class, e -> assertThat(e).startsWith("test-"));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("test-hook").size() == 1);
            WebhookReceiver.Request request = receiver.requests("test-hook").getFirst();
            assertThat(JSON.readTree(request.body()).get("kind").asString()).isEqualTo("TEST");
            new Webhook(subscription.get("signingSecret").asString()).verify(request.body(), Map.of(
                    "webhook-id", List.of(request.header("webhook-id")),
                    "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                    "webhook-signature", List.of(request.header("webhook-signature"))));
        } catch (WebhookVerificationException e) {
            throw new AssertionError("the test notification's signature does not verify", e);
        }
    }

    @Test
    void reportsMongoUpByPing() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.ping").isEqualTo(1.0);
    }

    private void assertBadField(String body, String field, String messagePart) {
        post(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Invalid request body")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains(messagePart))
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains(field));
    }

    private WebTestClient.ResponseSpec post(String body) {
        return web.post().uri("/api/v1/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
