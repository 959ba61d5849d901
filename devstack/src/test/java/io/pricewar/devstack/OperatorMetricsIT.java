package io.pricewar.devstack;

import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static io.pricewar.devstack.VendorPage.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator watches is on each service's {@code /actuator/prometheus} in the devstack:
 * scrape outcomes per source, hold-backs and layout changes, events projected, deliveries by
 * outcome, and the consumers' lag. Each is driven here by a real event, not merely registered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorMetricsIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private DemoVendorSite site;
    private ConsoleWebhook webhook;
    private PriceWarServices services;

    @BeforeAll
    void start() {
        kafka = EmbeddedKafka.start();
        mongo = EmbeddedMongo.inMemory();
        site = DemoVendorSite.start(0);
        site.publish(MayTimeline.ALIBABA);
        webhook = ConsoleWebhook.start(0, new PrintStream(new ByteArrayOutputStream()));
        services = PriceWarServices.start(new PriceWarServices.Settings(kafka.bootstrapServers(), mongo::uri,
                PriceWarServices.Ports.ANY_FREE,
                List.of(new DemoSource("alibaba", site.urlOf("alibaba"), "CNY", Duration.ofMillis(500)))));
    }

    @AfterAll
    void stop() {
        services.close();
        webhook.close();
        site.close();
        mongo.close();
        kafka.close();
    }

    @Test
    void theMetricsAnOperatorNeedsAreExposedAndMoveWithTheWork() {
        new DemoClient(services).awaitCurrentPrices(8, Duration.ofSeconds(60));
        new DemoClient(services).subscribe(webhook.url(), "ANY_DROP");

        // A 97.5% cut is held for a confirming re-scrape, then published and delivered.
        site.publish(MayTimeline.ALIBABA.with(row("Qwen-Long", "0.0005", "0.02")));
        await().atMost(Duration.ofSeconds(60)).until(() -> !webhook.received().isEmpty());
        // A page without its table is a layout change.
        site.publish(new VendorPage("alibaba", "moved", "CNY", "名称", "价格", "其他", List.of()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(metrics(services.scraperUrl()))
                    .contains("pricewar_scraper_scrapes_total{")
                    .contains("pricewar_scraper_changes_held_total{")
                    .contains("pricewar_scraper_layout_changes_total{")
                    .contains("pricewar_scraper_events_published_total{");
            assertThat(metrics(services.ledgerUrl()))
                    .contains("ledger_projection_records_total{")
                    .contains("kafka_consumer_fetch_manager_records_lag_max{");
            assertThat(metrics(services.alertUrl()))
                    .contains("alert_delivery_attempts_total{")
                    .contains("kafka_consumer_fetch_manager_records_lag_max{");
        });
    }

    private String metrics(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
