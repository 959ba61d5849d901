package io.pricewar.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bin/devstack} as a user runs it, on free ports, with its data in a fresh folder and the
 * May 2024 timeline a step a second: the console prints the price war's alerts (a new listing, a
 * cut, Qwen-Long's 97.5% cut confirmed by a re-scrape, a model going free), the ledger holds
 * Qwen-Long's history, the banner's URLs are the services', and closing stops everything.
 */
class DevStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void replaysMay2024IntoTheLedgerAndPrintsItsAlerts() throws Exception {
        DevStack stack = new DevStack(new PrintStream(console, true, StandardCharsets.UTF_8), data, 0, 0,
                PriceWarServices.Ports.ANY_FREE);
        try {
            stack.run(Duration.ofSeconds(1));

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(console())
                    .contains("ALERT  listed   deepseek:deepseek-v2:input:standard")
                    .contains("ALERT  dropped  zhipu:glm-3-turbo:input:standard")
                    .contains("ALERT  dropped  alibaba:qwen-long:input:standard  0.02 CNY/1K -> 0.0005 CNY/1K")
                    .contains("ALERT  now free baidu:ernie-speed:input:standard")
                    .contains("TIMELINE  end of May 2024"));
            // The ledger projects the log apart from the alerts, so it may come a moment later.
            String qwenLong = bannerUrl("ledger-service") + "/alibaba:qwen-long:input:standard/history";
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(amounts(get(qwenLong)))
                    .isEqualTo(List.of("0.02", "0.0005")));
            assertThat(get(bannerUrl("scraper-service") + "/actuator/health").path("status").asString()).isEqualTo("UP");
        } finally {
            stack.close();
        }
        assertThat(console().strip()).endsWith("PriceWar devstack stopped.");
    }

    private static List<String> amounts(JsonNode history) {
        JsonNode entries = history.isArray() ? history : history.path("entries");
        return StreamSupport.stream(entries.spliterator(), false)
                .map(entry -> entry.path("price").path("amount").asString()).toList();
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** The URL the banner prints for a service ("  ledger-service    http://127.0.0.1:PORT/api/v1/prices"). */
    private String bannerUrl(String service) {
        Matcher url = Pattern.compile("^\\s+" + service + "\\s+(\\S+)", Pattern.MULTILINE).matcher(console());
        assertThat(url.find()).as("the banner names %s", service).isTrue();
        return url.group(1);
    }

    private static JsonNode get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}
