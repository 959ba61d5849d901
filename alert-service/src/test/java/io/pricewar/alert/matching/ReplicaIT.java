package io.pricewar.alert.matching;

import io.pricewar.alert.AlertApplication;
import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.subscription.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PricePointId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second replica on the same database: what is created, changed and deleted through the first
 * reaches the second's index within seconds, by polling, with no message between them.
 */
class ReplicaIT extends AlertIntegrationTest {

    static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);
    static final PricePointId DEEPSEEK_INPUT = new PricePointId("deepseek", "deepseek-v2", "input", "standard");
    static final PricePointId DEEPSEEK_OUTPUT = new PricePointId("deepseek", "deepseek-v2", "output", "standard");

    ConfigurableApplicationContext second;

    @AfterEach
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSubscriptionCreatedChangedAndDeletedOnOneReplicaIsMatchedAccordinglyOnAnotherWithinSeconds() {
        second = startSecondReplica();
        LiveSubscriptions secondIndex = second.getBean(LiveSubscriptions.class);
        String key = issueKey("replica-it");

        String location = createDeepseekInputSubscription(key, "replica");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(WITHIN_SECONDS).until(() -> ids(secondIndex, DEEPSEEK_INPUT).contains(id));
        assertThat(ids(secondIndex, DEEPSEEK_OUTPUT)).doesNotContain(id);

        web.patch().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"target": {"vendor": "deepseek", "meter": "output"}}""")
                .exchange().expectStatus().isOk();
        await().atMost(WITHIN_SECONDS).until(() -> ids(secondIndex, DEEPSEEK_OUTPUT).contains(id));
        assertThat(ids(secondIndex, DEEPSEEK_INPUT)).doesNotContain(id);

        web.delete().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isNoContent();
        await().atMost(WITHIN_SECONDS).until(() -> !ids(secondIndex, DEEPSEEK_OUTPUT).contains(id));
    }

    /**
     * The freshness guarantee without the periodic poll (its interval is an hour here): a
     * subscription acknowledged through the first replica is in the second's index for an event
     * appended after it, because the write raised the change marker; and while nothing changes,
     * batches are matched without scanning the subscriptions.
     */
    @Test
    void anEventAppendedAfterAnotherReplicaAcknowledgedASubscriptionIsMatchedAgainstItAndQuietBatchesDoNotScan() {
        second = startSecondReplica("--pricewar.alert.matching.refresh-interval=1h");
        LiveSubscriptions secondIndex = second.getBean(LiveSubscriptions.class);
        MeterRegistry meters = second.getBean(MeterRegistry.class);
        String key = issueKey("replica-marker-it");

        String location = createDeepseekInputSubscription(key, "marker");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(ids(secondIndex.indexFor(Instant.now()), DEEPSEEK_INPUT)).contains(id);

        double scansBefore = freshnessScans(meters);
        for (int batch = 0; batch < 5; batch++) {
            assertThat(ids(secondIndex.indexFor(Instant.now()), DEEPSEEK_INPUT)).contains(id);
        }
        assertThat(freshnessScans(meters)).isEqualTo(scansBefore);
        assertThat(meters.get(LiveSubscriptions.SKIPPED_COUNTER).counter().count()).isGreaterThanOrEqualTo(5);

        web.delete().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isNoContent();
        assertThat(ids(secondIndex.indexFor(Instant.now()), DEEPSEEK_INPUT)).doesNotContain(id);
        assertThat(freshnessScans(meters)).isEqualTo(scansBefore + 1);
    }

    /** Through the first replica's API; returns the new subscription's location. */
    private String createDeepseekInputSubscription(String key, String hook) {
        return web.post().uri("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"webhookUrl": "https://hooks.example.test/%s", "rule": "ANY_DROP",
                         "target": {"vendor": "deepseek", "meter": "input"}}""".formatted(hook))
                .exchange().expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
    }

    private static double freshnessScans(MeterRegistry meters) {
        return meters.get(LiveSubscriptions.SCANS_COUNTER).tag("trigger", "freshness").counter().count();
    }

    private static List<String> ids(SubscriptionIndex index, PricePointId point) {
        return index.candidates(point).stream().map(Subscription::id).toList();
    }

    private static List<String> ids(LiveSubscriptions index, PricePointId point) {
        return ids(index.current(), point);
    }

    /** Shares the database; leaves the topic, the outbox and blended checks to the first. */
    private static ConfigurableApplicationContext startSecondReplica(String... moreArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--pricewar.alert.delivery.sweep-interval=1h",
                "--pricewar.alert.rules.check-interval=1h"));
        args.addAll(List.of(moreArgs));
        return AlertApplication.builder().run(secondReplicaArgs("replica-admin", args.toArray(String[]::new)));
    }
}
