package io.pricewar.devstack;

import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness of every service follows its infrastructure: DOWN while the broker or the database
 * is gone, UP again when it returns, with no restart of the service. Liveness follows it too, but
 * only past a grace period ({@code pricewar.health.liveness-grace}, shortened here), so that a
 * brief outage never restarts pods.
 */
class HealthFollowsInfrastructureIT {

    private static final Duration LIVENESS_GRACE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final int mongoPort = freePort();
    private final EmbeddedKafka kafka = EmbeddedKafka.start();
    private EmbeddedMongo mongo = EmbeddedMongo.inMemoryOnPort(mongoPort);
    private final PriceWarServices services = PriceWarServices.start(new PriceWarServices.Settings(
            kafka.bootstrapServers(), mongo::uri, PriceWarServices.Ports.ANY_FREE, List.of(),
            Map.of("pricewar.health.liveness-grace", LIVENESS_GRACE.toSeconds() + "s")));

    @AfterEach
    void stop() {
        services.close();
        mongo.close();
        kafka.close();
    }

    @Test
    void readinessGoesDownWithTheBrokerAndUpWhenItReturns() {
        awaitReadiness(allServices(), 200);

        kafka.stopBroker();
        awaitReadiness(allServices(), 503);

        kafka.startBroker();
        awaitReadiness(allServices(), 200);
    }

    @Test
    void readinessOfTheMongoServicesGoesDownWithTheDatabaseAndUpWhenItReturns() {
        awaitReadiness(allServices(), 200);

        mongo.close();
        awaitReadiness(List.of(services.ledgerUrl(), services.alertUrl()), 503);
        assertThat(readiness(services.scraperUrl())).as("the scraper keeps no database").isEqualTo(200);

        mongo = EmbeddedMongo.inMemoryOnPort(mongoPort);
        awaitReadiness(allServices(), 200);
    }

    @Test
    void livenessStaysUpThroughAShortOutageGoesDownPastTheGraceAndUpWhenTheInfrastructureReturns() {
        awaitLiveness(allServices(), 200);
        Instant outage = Instant.now();
        kafka.stopBroker();
        mongo.close();

        await().atMost(LIVENESS_GRACE).untilAsserted(() -> {
            for (String service : allServices()) {
                assertThat(readiness(service)).as(service).isEqualTo(503);
            }
        });
        for (String service : allServices()) {
            assertThat(status(service + "/actuator/health/liveness")).as(service + " during a short outage").isEqualTo(200);
        }

        awaitLiveness(allServices(), 503);
        assertThat(Duration.between(outage, Instant.now())).as("liveness went DOWN only past the grace")
                .isGreaterThan(LIVENESS_GRACE);
        assertThat(body(services.scraperUrl() + "/actuator/health/liveness")).contains("\"kafka\":\"unreachable for");

        kafka.startBroker();
        mongo = EmbeddedMongo.inMemoryOnPort(mongoPort);
        awaitLiveness(allServices(), 200);
        awaitReadiness(allServices(), 200);
    }

    private List<String> allServices() {
        return List.of(services.scraperUrl(), services.ledgerUrl(), services.alertUrl());
    }

    /** Readiness and the overall health endpoint both answer {@code expected} (200 UP, 503 DOWN). */
    private void awaitReadiness(List<String> serviceUrls, int expected) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            for (String service : serviceUrls) {
                assertThat(readiness(service)).as(() -> service + " " + body(service + "/actuator/health/readiness"))
                        .isEqualTo(expected);
                assertThat(status(service + "/actuator/health")).as(() -> service + " " + body(service + "/actuator/health"))
                        .isEqualTo(expected);
            }
        });
    }

    private void awaitLiveness(List<String> serviceUrls, int expected) {
        await().atMost(LIVENESS_GRACE.plusSeconds(60)).untilAsserted(() -> {
            for (String service : serviceUrls) {
                assertThat(status(service + "/actuator/health/liveness"))
                        .as(() -> service + " " + body(service + "/actuator/health/liveness")).isEqualTo(expected);
            }
        });
    }

    private int readiness(String serviceUrl) {
        return status(serviceUrl + "/actuator/health/readiness");
    }

    private String body(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
