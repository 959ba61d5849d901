package io.pricewar.alert.delivery;

import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.TopicPublisher;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The e-mail channel end to end: an event on the topic, a mail at an SMTP server, the outbox's record. */
class EmailDeliveryIT extends AlertIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static TopicPublisher topic;
    String apiKey;

    @BeforeAll
    static void start() {
        topic = TopicPublisher.on(KAFKA);
    }

    @AfterAll
    static void stop() {
        topic.close();
    }

    @AfterEach
    void letTheServerAcceptAgain() {
        SMTP.refuseNext(0);
    }

    @Test
    void aDropIsEmailedOnceNamingThePointBothPricesAndTheEvent() throws Exception {
        PricePointId point = doubaoInput("doubao-mail-32k");
        String subscriptionId = subscribe("ops-drop@example.com", point);
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0008"));

        topic.publish(listed, drop, drop);

        awaitDelivered(subscriptionId, 1);
        List<MimeMessage> mails = SMTP.receivedBy("ops-drop@example.com");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).contains(point.toString(), "0.0050 CNY PER_1K_TOKENS",
                "0.0008 CNY PER_1K_TOKENS");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).contains(
                "Old price: 0.0050 CNY PER_1K_TOKENS (5 per 1M tokens)",
                "New price: 0.0008 CNY PER_1K_TOKENS (0.8 per 1M tokens)",
                "Event: " + drop.eventId());
    }

    @Test
    void anSmtpServerThatRefusesFirstIsRetriedAndTheDeliveryRecordedWithTwoAttempts() {
        PricePointId point = doubaoInput("doubao-mail-128k");
        String subscriptionId = subscribe("ops-retry@example.com", point);
        SMTP.refuseNext(1);
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0040"));

        topic.publish(listed, drop);

        awaitDelivered(subscriptionId, 2);
        assertThat(SMTP.receivedBy("ops-retry@example.com")).hasSize(1);
    }

    private void awaitDelivered(String subscriptionId, int attempts) {
        await().atMost(PATIENCE).untilAsserted(() -> web.get()
                .uri("/api/v1/subscriptions/{id}/deliveries", subscriptionId)
                .header(HttpHeaders.AUTHORIZATION, bearer(apiKey())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].status").isEqualTo("DELIVERED")
                .jsonPath("$[0].attempts").isEqualTo(attempts)
                .jsonPath("$[0].lastStatus").isEqualTo(EmailSender.SMTP_OK));
    }

    private String subscribe(String emailTo, PricePointId point) {
        String body = """
                {"emailTo": "%s", "rule": "ANY_DROP",
                 "target": {"vendor": "%s", "model": "%s", "meter": "%s", "tier": "%s"}}"""
                .formatted(emailTo, point.vendor(), point.model(), point.meter(), point.tier());
        JsonNode created = web.post().uri("/api/v1/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, bearer(apiKey()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("emailTo").asString()).isEqualTo(emailTo);
        assertThat(created.has("webhookUrl")).isFalse();
        return created.get("id").asString();
    }

    private String apiKey() {
        if (apiKey == null) {
            apiKey = issueKey("email-it");
        }
        return apiKey;
    }
}
