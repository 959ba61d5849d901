package io.pricewar.alert.rules;

import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.TopicPublisher;
import io.pricewar.alert.WebhookReceiver;
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

import static io.pricewar.alert.PriceEventMother.changed;
import static io.pricewar.alert.PriceEventMother.cnyPer1K;
import static io.pricewar.alert.PriceEventMother.doubaoInput;
import static io.pricewar.alert.PriceEventMother.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rules through the whole path: subscriptions over HTTP, events on the real topic, notifications
 * at a real webhook. Where a test expects silence, a later event on the same point (one point is
 * one partition, read in order) that another subscription hears marks that everything before it
 * was matched.
 */
class RulesIT extends AlertIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static WebhookReceiver receiver;
    static TopicPublisher topic;
    String key;

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
    void aFlappingPriceNotifiesOncePerCooldownWindow() {
        PricePointId point = doubaoInput("doubao-flapping");
        String flapping = subscribe("flap", """
                {"rule": "ANY_DROP", "cooldown": "PT1H", "target": {"model": "doubao-flapping"}}""");
        subscribe("flap-marker", """
                {"rule": "ANY_DROP", "target": {"model": "doubao-flapping"}}""");
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged drop = changed(listed, cnyPer1K("0.0030"));
        PriceChanged rise = changed(drop, cnyPer1K("0.0050"));
        PriceChanged dropAgain = changed(rise, cnyPer1K("0.0030"));
        PriceChanged marker = changed(dropAgain, cnyPer1K("0.0020"));

        topic.publish(listed, drop, rise, dropAgain, marker);

        await().atMost(PATIENCE).until(() -> receiver.receivedEventIds("flap-marker").contains(marker.eventId()));
        assertThat(deliveries(flapping)).extracting(d -> d.get("eventId").asString()).containsExactly(drop.eventId());
        await().atMost(PATIENCE).until(() -> receiver.received("flap").size() == 1);
        assertThat(receiver.receivedEventIds("flap")).containsExactly(drop.eventId());
    }

    @Test
    void anInputCutWithAHigherOutputPriceDoesNotFireABlendedDropButIsFlagged() {
        PricePointId input = new PricePointId("alibaba", "qwen-max-it", "input", "standard");
        PricePointId output = new PricePointId("alibaba", "qwen-max-it", "output", "standard");
        subscribe("blend", """
                {"condition": {"type": "BLENDED_DROP", "mix": {"input": "1", "output": "3"}},
                 "target": {"vendor": "alibaba", "model": "qwen-max-*"}}""");
        PriceListed inputListed = listed(input, cnyPer1K("0.12"));
        PriceListed outputListed = listed(output, cnyPer1K("0.12"));
        PriceChanged inputCut = changed(inputListed, cnyPer1K("0.04"));
        PriceChanged outputRise = changed(outputListed, cnyPer1K("0.20"));
        PriceChanged realOutputCut = changed(outputRise, cnyPer1K("0.04"));

        topic.publish(inputListed, outputListed, inputCut, outputRise);
        await().atMost(PATIENCE).until(() -> receiver.received("blend").size() == 1);
        topic.publish(realOutputCut);
        await().atMost(PATIENCE).until(() -> receiver.received("blend").size() == 2);

        List<JsonNode> received = receiver.received("blend");
        JsonNode flagged = received.getFirst();
        assertThat(flagged.get("kind").asString()).isEqualTo("HEADLINE_CUT");
        assertThat(flagged.get("flags").get(0).asString()).isEqualTo(BlendedPrice.INPUT_CUT_ONLY);
        assertThat(flagged.get("blended").get("mix").asString()).isEqualTo("1:3:0");
        assertThat(flagged.get("blended").get("before").asString()).isEqualTo("120.0000000000");
        assertThat(flagged.get("blended").get("after").asString()).isEqualTo("160.0000000000");
        JsonNode drop = received.get(1);
        assertThat(drop.get("kind").asString()).isEqualTo("BLENDED_DROP");
        assertThat(drop.get("blended").get("after").asString()).isEqualTo("40.0000000000");
        assertThat(received).extracting(n -> n.get("kind").asString()).containsOnlyOnce("BLENDED_DROP");
    }

    @Test
    void aThresholdInAnotherCurrencyNamesTheRateAndItsDate() {
        PricePointId point = doubaoInput("doubao-usd-threshold");
        subscribe("usd-threshold", """
                {"condition": {"type": "AT_OR_BELOW", "per1M": "0.5", "currency": "USD"},
                 "target": {"model": "doubao-usd-threshold"}}""");
        PriceListed listed = listed(point, cnyPer1K("0.0050"));
        PriceChanged cut = changed(listed, cnyPer1K("0.0008"));

        topic.publish(listed, cut);

        await().atMost(PATIENCE).until(() -> receiver.received("usd-threshold").size() == 1);
        JsonNode threshold = receiver.received("usd-threshold").getFirst().get("threshold");
        assertThat(threshold.get("currency").asString()).isEqualTo("USD");
        assertThat(threshold.get("from").asString()).isEqualTo("CNY");
        assertThat(threshold.get("rateDate").asString()).isEqualTo("2024-05-01");
        assertThat(threshold.get("convertedPer1M").asString()).isEqualTo("0.1104972376");
    }

    private List<JsonNode> deliveries(String subscriptionId) {
        JsonNode list = web.get().uri("/api/v1/subscriptions/{id}/deliveries", subscriptionId)
                .header(HttpHeaders.AUTHORIZATION, bearer(key())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return list.valueStream().toList();
    }

    private String subscribe(String hook, String fields) {
        String body = "{\"webhookUrl\": \"" + receiver.url(hook) + "\", " + fields.strip().substring(1);
        return web.post().uri("/api/v1/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, bearer(key()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private String key() {
        if (key == null) {
            key = issueKey("rules-it");
        }
        return key;
    }
}
