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
            String scraper = metrics(services.scraperUrl());
            assertThat(sum(scraper, "pricewar_scraper_scrapes_total", "source=\"alibaba-pricing\"", "outcome=\"SUCCEEDED\""))
                    .isPositive();
            assertThat(sum(scraper, "pricewar_scraper_changes_held_total", "source=\"alibaba-pricing\"")).isPositive();
            assertThat(sum(scraper, "pricewar_scraper_layout_changes_total", "source=\"alibaba-pricing\"")).isPositive();
            // The eight listings, then the confirmed cut.
            assertThat(sum(scraper, "pricewar_scraper_events_published_total", "type=\"PriceListed\"")).isEqualTo(8);
            assertThat(sum(scraper, "pricewar_scraper_events_published_total", "type=\"PriceChanged\"")).isPositive();
            String ledger = metrics(services.ledgerUrl());
            assertThat(sum(ledger, "ledger_projection_records_total", "outcome=\"stored\"")).isGreaterThanOrEqualTo(9);
            assertThat(ledger).contains("kafka_consumer_fetch_manager_records_lag_max{");
            String alert = metrics(services.alertUrl());
            assertThat(sum(alert, "alert_delivery_attempts_total", "outcome=\"delivered\"")).isPositive();
            assertThat(alert).contains("kafka_consumer_fetch_manager_records_lag_max{");
        });
    }

    /**
     * The sum of a Prometheus metric's samples whose labels include all of {@code labels}
     * ({@code key="value"}); 0 when there is none. A counter registered at zero, or a zero
     * increment, therefore does not count as the work having happened.
     */
    private static double sum(String exposition, String metric, String... labels) {
        return exposition.lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private String metrics(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
