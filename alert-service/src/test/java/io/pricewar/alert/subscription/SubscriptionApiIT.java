package io.pricewar.alert.subscription;

import io.pricewar.alert.AlertIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionApiIT extends AlertIntegrationTest {

    static final String VALID = """
            {"webhookUrl": "https://hooks.example.test/prices", "rule": "ANY_DROP",
             "target": {"vendor": "deepseek", "meter": "input"}}""";

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
