package io.pricewar.devstack;

import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.pricewar.devstack.VendorPage.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver) against the
 * three running services and the demo vendor site: what the pages show is compared with what the
 * API answers. The stack and the browser are started once for all scenarios; the subscription
 * scenario runs first because it makes the price drop the explorer then charts. Each scenario
 * saves a screenshot under {@code target/screenshots/}, and a failed one saves the page as it
 * failed ({@code FAILED-<test>.png}).
 *
 * <p>Where no Chromium is installed the class is disabled, which the build reports as skipped
 * with the reason, never as passed, and nothing is started. {@code -Dpricewar.chromium=} and
 * {@code -Dpricewar.chromedriver=} point at other binaries; the driver is always given
 * explicitly, so Selenium Manager never downloads one.
 */
@EnabledIf(value = "browserInstalled", disabledReason = "browser tests need Chromium and its driver "
        + "(apt-get install chromium chromium-driver, or -Dpricewar.chromium= and -Dpricewar.chromedriver=)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String QWEN_LONG_INPUT = "alibaba:qwen-long:input:standard";
    private static final VendorPage ALIBABA_AFTER_CUT = MayTimeline.ALIBABA.with(row("Qwen-Long", "0.0005", "0.02"));
    private static final List<VendorPage> PAGES = List.of(MayTimeline.ALIBABA, MayTimeline.ZHIPU, MayTimeline.OPENAI);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROWSER_ZONE = "Asia/Shanghai";

    private static final Path CHROMIUM = Path.of(System.getProperty("pricewar.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("pricewar.chromedriver", "/usr/bin/chromedriver"));

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private DemoVendorSite site;
    private ConsoleWebhook webhook;
    private PriceWarServices services;
    private WebDriver browser;

    /** The page as a test left it when it failed: what the reader of a red build needs first. */
    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("FAILED-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    void startStackAndBrowser() throws IOException {
        kafka = EmbeddedKafka.start();
        mongo = EmbeddedMongo.inMemory();
        site = DemoVendorSite.start(0);
        PAGES.forEach(site::publish);
        webhook = ConsoleWebhook.start(0, new PrintStream(new ByteArrayOutputStream()));
        services = PriceWarServices.start(new PriceWarServices.Settings(kafka.bootstrapServers(), mongo::uri,
                PriceWarServices.Ports.ANY_FREE, PAGES.stream()
                .map(page -> new DemoSource(page.vendor(), site.urlOf(page.vendor()),
                        page.vendor().equals("openai") ? "USD" : "CNY", Duration.ofMillis(500)))
                .toList()));
        new DemoClient(services).awaitCurrentPrices(PAGES.stream().mapToInt(page -> page.rows().size() * 2).sum(),
                Duration.ofSeconds(90));
        browser = chromium(CHROMIUM, CHROMEDRIVER);
    }

    private static WebDriver chromium(Path chromium, Path driver) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1100", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("pricewar-chromium-profile"));
        // The browser keeps Beijing time, as most of the price war's readers do: a page that took the
        // browser's local day or time for the API's UTC would show it.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", BROWSER_ZONE)).build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[]{browser == null ? null : browser::quit, services, webhook,
                site, mongo, kafka}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSubscriptionCreatedInTheBrowserIsNotifiedWhenThePriceDrops() {
        browser.get(services.alertDashboardUrl());
        browser.findElement(By.id("api-key")).sendKeys("pwk_not-a-key");
        browser.findElement(By.id("use-key")).click();
        awaitStatus("status", "error");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("401");
        assertThat(browser.findElement(By.id("list-section")).isDisplayed()).isFalse();

        replaceText("api-key", issueApiKey());
        browser.findElement(By.id("use-key")).click();
        waitFor().until(d -> d.findElement(By.id("list-section")).isDisplayed());
        awaitStatus("status", "empty");

        browser.findElement(By.id("endpoint")).sendKeys(webhook.url());
        new Select(browser.findElement(By.id("condition"))).selectByValue("ANY_DROP");
        assertThat(browser.findElement(By.id("percent")).isDisplayed()).as("a field of another condition").isFalse();
        browser.findElement(By.id("target-vendor")).sendKeys("alibaba");
        browser.findElement(By.id("target-model")).sendKeys("qwen-*");
        browser.findElement(By.id("target-meter")).sendKeys("input");
        browser.findElement(By.id("save")).click();
        String secret = waitFor().until(d -> d.findElement(By.id("signing-secret")).getText());
        assertThat(secret).startsWith("whsec_");
        WebElement row = waitFor().until(d -> d.findElement(By.cssSelector("#subscriptions tbody tr")));
        String id = row.getAttribute("data-id");
        assertThat(row.getText()).contains(webhook.url(), "alibaba:qwen-*:input:*", "active");

        site.publish(ALIBABA_AFTER_CUT);

        await().atMost(Duration.ofSeconds(60)).until(() -> webhook.received().stream()
                .anyMatch(n -> n.path("pointId").asString().equals(QWEN_LONG_INPUT)));
        JsonNode notification = webhook.received().getFirst();
        assertThat(notification.path("subscriptionId").asString()).isEqualTo(id);
        assertThat(notification.path("newPrice").path("amount").asString()).isEqualTo("0.0005");
        row.findElement(By.xpath(".//button[text()='Deliveries']")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.findElement(By.id("refresh-deliveries")).click();
            awaitStatus("deliveries-status", "ready");
            return !browser.findElements(By.cssSelector("#deliveries tr[data-status=DELIVERED]")).isEmpty();
        });
        assertThat(browser.findElement(By.cssSelector("#deliveries tr[data-status=DELIVERED]")).getText())
                .contains(notification.path("eventId").asString());

        browser.findElement(By.cssSelector("#subscriptions tbody tr")).findElement(By.xpath(".//button[text()='Send test']")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> webhook.received().stream()
                .anyMatch(n -> n.path("kind").asString().equals("TEST") && n.path("subscriptionId").asString().equals(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.findElement(By.id("refresh-deliveries")).click();
            awaitStatus("deliveries-status", "ready");
            return browser.findElements(By.cssSelector("#deliveries tr[data-status=DELIVERED]")).size() == 2;
        });
        screenshot("subscriptions");

        editCooldown("PT1H", () -> {
            browser.findElement(By.id("digest-daily")).click();
            replaceText("digest-at", "08:00");
            replaceText("digest-zone", "Asia/Shanghai");
        });
        JsonNode edited = alertApi("/api/v1/subscriptions/" + id);
        assertThat(edited.path("cooldown").asString()).isEqualTo("PT1H");
        assertThat(edited.path("digest").path("at").asString()).isEqualTo("08:00");
        assertThat(edited.path("digest").path("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(browser.findElement(By.cssSelector("#subscriptions tbody tr")).getText())
                .contains("daily at 08:00 Asia/Shanghai");
        // An edit that does not touch the digest keeps it: the page replaces the whole subscription.
        editCooldown("PT2H", () -> assertThat(browser.findElement(By.id("digest-at")).getAttribute("value")).isEqualTo("08:00"));
        edited = alertApi("/api/v1/subscriptions/" + id);
        assertThat(edited.path("cooldown").asString()).isEqualTo("PT2H");
        assertThat(edited.path("digest").path("zone").asString()).isEqualTo("Asia/Shanghai");

        browser.findElement(By.cssSelector("#subscriptions tbody tr")).findElement(By.xpath(".//button[text()='Delete']")).click();
        browser.switchTo().alert().accept();
        waitFor().until(d -> d.findElements(By.cssSelector("#subscriptions tbody tr")).isEmpty());
        awaitStatus("status", "empty");
        assertThat(alertApi("/api/v1/subscriptions").size()).isZero();
    }

    @Test
    @Order(2)
    void theExplorerChartsThePointsTheApiReturnsAndOpensTheirEvidence() {
        site.publish(ALIBABA_AFTER_CUT);
        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerApi(historyUrl("CNY")).size() == 2);

        browser.get(services.ledgerDashboardUrl() + "?point=" + QWEN_LONG_INPUT + "&currency=CNY");
        awaitStatus("status", "ready");
        JsonNode history = ledgerApi(historyUrl("CNY"));
        assertChartShows(history);
        assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).hasSize(history.size());

        browser.findElements(By.cssSelector("#events tbody tr")).get(1).click();
        JsonNode cut = history.get(1);
        assertThat(browser.findElement(By.id("evidence-cell")).getText()).isEqualTo(cut.path("evidence").path("cellText").asString());
        String evidenceLink = browser.findElement(By.id("evidence-link")).getAttribute("href");
        assertThat(evidenceLink).endsWith("/api/v1/evidence/" + cut.path("evidence").path("sha256").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(evidenceLink).statusCode() == 200);
        assertThat(get(evidenceLink).body()).contains("Qwen-Long", "0.0005");

        new Select(browser.findElement(By.id("currency"))).selectByValue("USD");
        waitFor().until(d -> d.getCurrentUrl().contains("currency=USD"));
        awaitStatus("status", "ready");
        JsonNode inUsd = ledgerApi(historyUrl("USD"));
        assertChartShows(inUsd);
        JsonNode rate = inUsd.get(1).path("converted").path("rate");
        WebElement namedRate = browser.findElement(By.cssSelector("#fx .rate"));
        assertThat(namedRate.getAttribute("title")).isEqualTo("1 CNY = " + rate.path("rate").asString() + " USD");
        assertThat(namedRate.getText()).endsWith("USD (rates of " + rate.path("date").asString() + ")");
        browser.findElements(By.cssSelector("#events tbody tr")).get(1).click();
        waitFor().until(d -> d.findElement(By.id("evidence")).isDisplayed());
        screenshot("explorer");
    }

    @Test
    @Order(3)
    void theLeaderboardRanksAsTheApiDoesForTheChosenMix() {
        browser.get(services.ledgerDashboardUrl() + "leaderboard.html");
        awaitStatus("status", "ready");
        assertLeaderboardMatches("mix=3:1:0&currency=CNY");
        // The lesson: Qwen-Long's input price is the lowest after its cut, but its output price is
        // not, so for this mix it costs more than GLM-3 Turbo, and the page says so at a glance.
        assertThat(browser.findElement(By.cssSelector("#ranking tr[data-model='alibaba:qwen-long:standard'] .badge.warn"))
                .getText()).isEqualTo("#1");

        WebElement output = browser.findElement(By.id("output"));
        output.clear();
        output.sendKeys("10\t");
        new Select(browser.findElement(By.id("currency"))).selectByValue("USD");
        waitFor().until(d -> d.getCurrentUrl().contains("output=10") && d.getCurrentUrl().contains("currency=USD"));
        awaitStatus("status", "ready");
        assertLeaderboardMatches("mix=3:10:0&currency=USD");
        assertThat(browser.findElement(By.id("fx")).getText()).contains("1 CNY =", "USD (rates of");
        screenshot("leaderboard");

        // No model here states its context length, so asking for one leaves every model out, each with why.
        new Select(browser.findElement(By.id("minContext"))).selectByValue("32000");
        awaitStatus("status", "empty");
        assertThat(browser.findElement(By.id("excluded-section")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#excluded tbody tr")))
                .hasSize(ledgerApi("/api/v1/workload/cheapest?mix=3:10:0&currency=USD&minContext=32000")
                        .path("excluded").size());
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).isEmpty();
    }

    /**
     * A page that asks again when a control changes keeps only the newest answer: here a slow
     * first answer that arrives after a quick second one is dropped (dashboard.js latestOnly).
     */
    @Test
    @Order(5)
    void anAnswerOvertakenByANewerRequestIsDropped() {
        browser.get(services.ledgerDashboardUrl() + "leaderboard.html");
        Object outcome = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/dashboard/common/dashboard.js').then(async ({latestOnly, STALE}) => {
                  const ask = latestOnly();
                  const slow = ask(() => new Promise(resolve => setTimeout(() => resolve('older'), 300)));
                  const quick = ask(() => Promise.resolve('newer'));
                  const failing = latestOnly();
                  const slowFailure = failing(() => new Promise((_, reject) => setTimeout(() => reject(new Error('older')), 300)));
                  const quickToo = failing(() => Promise.resolve('newer'));
                  done([(await slow) === STALE, await quick, (await slowFailure) === STALE, await quickToo]);
                });
                """);
        assertThat(outcome).isEqualTo(List.of(true, "newer", true, "newer"));
    }

    @Test
    @Order(4)
    void theTimelineListsTheApisChangesBiggestDropFirst() {
        browser.get(services.ledgerDashboardUrl() + "timeline.html?vendor=alibaba");
        awaitStatus("status", "ready");
        JsonNode changes = ledgerApi("/api/v1/changes?vendor=alibaba&sort=biggest-drop");
        List<String> shown = browser.findElements(By.cssSelector("#changes tbody tr")).stream()
                .map(r -> r.getAttribute("data-point") + "#" + r.getAttribute("data-seq")).toList();
        assertThat(shown).isEqualTo(StreamSupport.stream(changes.spliterator(), false)
                .map(c -> c.path("pointId").asString() + "#" + c.path("seq").asLong()).toList());
        assertThat(shown.getFirst()).isEqualTo(QWEN_LONG_INPUT + "#2");
        screenshot("timeline");
    }

    /**
     * Each choice in the explorer's dropdowns refetches and redraws: the later dropdowns offer
     * only what exists under the earlier ones, keeping a choice that still fits, and the chart and
     * the table show the chosen point's prices (written here from the pages and the dated log).
     */
    @Test
    @Order(6)
    void theExplorersDropdownsChartTheChosenPoint() {
        site.publish(ALIBABA_AFTER_CUT);
        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerApi(historyUrl("CNY")).size() == 2);
        awaitDatedMayLog();

        browser.get(services.ledgerDashboardUrl() + "?point=" + QWEN_LONG_INPUT + "&currency=CNY");
        awaitStatus("status", "ready");
        assertThat(options("vendor")).containsExactly("alibaba", "baidu", "iflytek", "moonshot", "openai", "tencent", "volcengine", "zhipu");
        assertThat(options("model")).containsExactly("qwen-long", "qwen-max", "qwen-plus", "qwen-turbo");
        assertExplorerShows(QWEN_LONG_INPUT, List.of(20.0, 0.5), List.of("0.02 CNY per 1K", "0.0005 CNY per 1K"));

        choose("meter", "output");
        assertExplorerShows("alibaba:qwen-long:output:standard", List.of(20.0), List.of("0.02 CNY per 1K"));

        choose("model", "qwen-turbo");
        assertExplorerShows("alibaba:qwen-turbo:output:standard", List.of(8.0), List.of("0.008 CNY per 1K"));

        // Doubao has no output price here, so the meter falls back to input; the standard tier still fits.
        choose("vendor", "volcengine");
        assertThat(options("model")).containsExactly("doubao-pro-32k");
        assertThat(options("meter")).containsExactly("input");
        assertThat(options("tier")).containsExactly("batch", "standard");
        assertExplorerShows(DatedMayLog.DOUBAO_32K_INPUT, List.of(0.8), List.of("0.0008 CNY per 1K"));
        assertThat(plottedTimes()).containsExactly(epochSeconds("2024-05-15T08:00:00Z"));

        choose("tier", "batch");
        assertExplorerShows(DatedMayLog.DOUBAO_32K_BATCH_INPUT, List.of(0.4), List.of("0.0004 CNY per 1K"));
        assertThat(plottedTimes()).containsExactly(epochSeconds("2024-05-20T16:00:00Z"));
        assertThat(browser.findElement(By.cssSelector("#events tbody tr td")).getText()).isEqualTo("2024-05-20 16:00:00 UTC");
        screenshot("explorer-dropdowns");
    }

    /**
     * A click on a marker of the chart opens that event's evidence: ERNIE Speed's listing at
     * 0.004 CNY per 1K on 1 May and its cut to free (免费) on 21 May, each with its own cell,
     * page and hash, and the event's row is marked; and so for Moonshot's cut announced for a
     * later date than a reading after it in the record.
     */
    @Test
    @Order(7)
    void aClickOnAChartMarkerOpensThatEventsEvidence() {
        awaitDatedMayLog();
        browser.get(services.ledgerDashboardUrl() + "?point=" + DatedMayLog.ERNIE_SPEED_INPUT + "&currency=CNY");
        awaitStatus("status", "ready");
        assertThat(plottedTimes()).containsExactly(epochSeconds("2024-05-01T00:00:00Z"), epochSeconds("2024-05-21T00:00:00Z"));
        assertThat(plottedPrices()).containsExactly(4.0, 0.0);
        assertThat(browser.findElement(By.id("evidence")).isDisplayed()).isFalse();

        clickMarker(1);
        assertEvidenceShows(DatedMayLog.ERNIE_SPEED_INPUT, "PriceChanged #2, effective 2024-05-21 00:00:00 UTC, observed 2024-05-21 00:00:00 UTC",
                "免费", "2024-05-21T00:00:00Z");
        assertThat(selectedRows()).containsExactly("2");
        screenshot("explorer-marker");

        clickMarker(0);
        assertEvidenceShows(DatedMayLog.ERNIE_SPEED_INPUT, "PriceListed #1, effective 2024-05-01 00:00:00 UTC, observed 2024-05-01 00:00:00 UTC",
                "0.004", "2024-05-01T00:00:00Z");
        assertThat(selectedRows()).containsExactly("1");

        // Moonshot's cut announced on the 19th for 1 June comes before the 25th's reading in the
        // record but after it in effect: the chart runs by effective time (the price in effect at
        // each instant, as /prices/as-of?axis=effective answers), and each marker still opens its own event.
        browser.get(services.ledgerDashboardUrl() + "?point=" + DatedMayLog.MOONSHOT_8K_INPUT + "&currency=CNY");
        awaitStatus("status", "ready");
        assertThat(plottedTimes()).containsExactly(epochSeconds("2024-05-01T00:00:00Z"), epochSeconds("2024-05-25T00:00:00Z"),
                epochSeconds("2024-06-01T00:00:00Z"));
        assertThat(plottedPrices()).containsExactly(12.0, 12.0, 6.0);
        clickMarker(2);
        assertEvidenceShows(DatedMayLog.MOONSHOT_8K_INPUT, "PriceChanged #2, effective 2024-06-01 00:00:00 UTC, observed 2024-05-19 08:00:00 UTC",
                "0.006（6月1日起）", "2024-05-19T08:00:00Z");
        assertThat(selectedRows()).containsExactly("2");
        clickMarker(1);
        assertEvidenceShows(DatedMayLog.MOONSHOT_8K_INPUT, "PriceChanged #3, effective 2024-05-25 00:00:00 UTC, observed 2024-05-25 00:00:00 UTC",
                "0.012", "2024-05-25T00:00:00Z");
        assertThat(selectedRows()).containsExactly("3");
        screenshot("explorer-marker-announced");
    }

    /**
     * The timeline's from and to are UTC days, to exclusive, whatever the browser's zone: for the
     * 21st it lists the two cuts observed on that UTC day (the one at 00:00 and iFlytek's at 18:00,
     * already the 22nd in Beijing), not Doubao's listing at 16:00 on the 20th (the 21st in Beijing)
     * nor Tencent's cut at 00:00 on the 22nd; the vendor filter narrows the window further.
     */
    @Test
    @Order(8)
    void theTimelineListsOnlyTheChangesBetweenFromAndTo() {
        awaitDatedMayLog();
        assertThat(((JavascriptExecutor) browser).executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
                .as("the browser's zone").isEqualTo(BROWSER_ZONE);
        browser.get(services.ledgerDashboardUrl() + "timeline.html");
        awaitStatus("status", "ready");

        setWindow("2024-05-21", "2024-05-22");
        assertTimelineShows(List.of(DatedMayLog.SPARK_LITE_INPUT + "#2", DatedMayLog.ERNIE_SPEED_INPUT + "#2"),
                List.of("2024-05-21 18:00:00 UTC", "2024-05-21 00:00:00 UTC"));
        assertThat(browser.findElements(By.cssSelector("#changes tbody td.num")))
                .extracting(WebElement::getText).containsExactly("-100%", "-100%");
        screenshot("timeline-window");

        new Select(browser.findElement(By.id("vendor"))).selectByValue("baidu");
        waitFor().until(d -> d.getCurrentUrl().contains("vendor=baidu"));
        assertTimelineShows(List.of(DatedMayLog.ERNIE_SPEED_INPUT + "#2"), List.of("2024-05-21 00:00:00 UTC"));

        new Select(browser.findElement(By.id("vendor"))).selectByValue("");
        setWindow("2024-05-20", "2024-05-21");
        assertTimelineShows(List.of(DatedMayLog.DOUBAO_32K_BATCH_INPUT + "#1"), List.of("2024-05-20 16:00:00 UTC"));

        setWindow("2024-05-23", "2024-05-24");
        awaitStatus("status", "empty");
        assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).isEmpty();
    }

    /**
     * The plotted x (effective time, in seconds) and y (per 1M in the chosen currency) are the
     * API's: a chart draws numbers, so each exact decimal is expected as its nearest double.
     */
    @SuppressWarnings("unchecked")
    private void assertChartShows(JsonNode history) {
        List<List<Number>> plotted = (List<List<Number>>) ((JavascriptExecutor) browser)
                .executeScript("return window.explorerChart.data");
        List<Double> expectedX = new ArrayList<>();
        List<Double> expectedY = new ArrayList<>();
        for (JsonNode entry : history) {
            expectedX.add(Instant.parse(entry.path("effectiveAt").asString()).toEpochMilli() / 1000.0);
            expectedY.add(Double.parseDouble(entry.path("converted").path("per1M").asString()));
        }
        assertThat(plotted.get(0).stream().map(Number::doubleValue).toList()).isEqualTo(expectedX);
        assertThat(plotted.get(1).stream().map(Number::doubleValue).toList()).isEqualTo(expectedY);
    }

    private boolean datedMayLogPublished;

    /** Publishes {@link DatedMayLog} once and waits until the ledger lists each of its points at its last seq. */
    private void awaitDatedMayLog() {
        if (!datedMayLogPublished) {
            DatedMayLog.publish(kafka.bootstrapServers());
            datedMayLogPublished = true;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode prices = ledgerApi("/api/v1/prices");
            return DatedMayLog.READINGS.entrySet().stream().allMatch(point -> StreamSupport.stream(prices.spliterator(), false)
                    .anyMatch(p -> p.path("pointId").asString().equals(point.getKey())
                            && p.path("seq").asLong() == point.getValue().size()));
        });
    }

    /** Picks {@code value} in the explorer's dropdown {@code id}, as a reader does. */
    private void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    private List<String> options(String id) {
        return new Select(browser.findElement(By.id(id))).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    /**
     * The explorer has settled on {@code pointId}: its dropdowns name it, and the chart (per 1M)
     * and the table (as quoted) hold its prices, oldest first.
     */
    private void assertExplorerShows(String pointId, List<Double> per1M, List<String> quoted) {
        waitFor().until(d -> d.getCurrentUrl().contains("point=" + URLEncoder.encode(pointId, StandardCharsets.UTF_8)));
        awaitStatus("status", "ready");
        assertThat(Stream.of("vendor", "model", "meter", "tier")
                .map(id -> new Select(browser.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value")))
                .containsExactly(pointId.split(":"));
        assertThat(plottedPrices()).as("plotted for " + pointId).isEqualTo(per1M);
        assertThat(browser.findElements(By.cssSelector("#events tbody tr td:nth-child(3)")))
                .extracting(WebElement::getText).as("listed for " + pointId).isEqualTo(quoted);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.explorerChart.root.querySelector('.u-title').textContent"))
                .isEqualTo(pointId);
    }

    @SuppressWarnings("unchecked")
    private List<Double> plottedPrices() {
        return ((List<Number>) ((JavascriptExecutor) browser).executeScript("return window.explorerChart.data[1]"))
                .stream().map(Number::doubleValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Double> plottedTimes() {
        return ((List<Number>) ((JavascriptExecutor) browser).executeScript("return window.explorerChart.data[0]"))
                .stream().map(Number::doubleValue).toList();
    }

    private static double epochSeconds(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    /**
     * Moves the mouse onto the chart at the x of the {@code index}-th marker (a pixel inside the
     * plot where the marker sits on its edge) and clicks there.
     */
    @SuppressWarnings("unchecked")
    private void clickMarker(int index) {
        List<Number> at = (List<Number>) ((JavascriptExecutor) browser).executeScript("""
                const u = window.explorerChart, i = arguments[0];
                u.over.scrollIntoView({block: 'center'});
                const box = u.over.getBoundingClientRect();
                const x = Math.min(Math.max(u.valToPos(u.data[0][i], 'x'), 2), box.width - 2);
                return [box.left + x, box.top + box.height / 2];
                """, index);
        new Actions(browser).moveToLocation(at.get(0).intValue(), at.get(1).intValue()).click().perform();
    }

    /** The evidence panel names the event, its cell text, and the page and hash of {@code pointId}'s reading at {@code observedAt}. */
    private void assertEvidenceShows(String pointId, String event, String cell, String observedAt) {
        String hash = DatedMayLog.pageHash(pointId, observedAt);
        waitFor().until(d -> d.findElement(By.id("evidence")).isDisplayed()
                && d.findElement(By.cssSelector("#evidence-facts dd")).getText().equals(event));
        assertThat(browser.findElement(By.id("evidence-cell")).getText()).isEqualTo(cell);
        assertThat(browser.findElement(By.cssSelector("#evidence-facts dd a")).getAttribute("href"))
                .isEqualTo(DatedMayLog.pageOf(pointId));
        assertThat(browser.findElement(By.id("evidence-link")).getAttribute("href")).endsWith("/api/v1/evidence/" + hash);
    }

    private List<String> selectedRows() {
        return browser.findElements(By.cssSelector("#events tbody tr.selected")).stream().map(r -> r.getAttribute("data-seq")).toList();
    }

    /** Types the timeline's window into its date fields, as a reader does, and waits for the page to ask for it. */
    private void setWindow(String from, String to) {
        typeDate("from", from);
        typeDate("to", to);
        waitFor().until(d -> d.getCurrentUrl().contains("from=" + from + "&to=" + to));
    }

    /** A date field takes the date typed in the browser's format (en-US: month, day, year). */
    private void typeDate(String id, String isoDate) {
        WebElement field = browser.findElement(By.id(id));
        String[] ymd = isoDate.split("-");
        field.sendKeys(ymd[1] + ymd[2] + ymd[0]);
        waitFor().until(d -> isoDate.equals(field.getAttribute("value")));
    }

    /** The timeline lists exactly these changes (point#seq), in this order, observed at these times. */
    private void assertTimelineShows(List<String> changes, List<String> observed) {
        awaitStatus("status", "ready");
        List<WebElement> rows = browser.findElements(By.cssSelector("#changes tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-point") + "#" + r.getAttribute("data-seq")).isEqualTo(changes);
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td")).getText()).isEqualTo(observed);
    }

    /** The page's rows, in order, are the API's ranking for the same query, headline prices included. */
    private void assertLeaderboardMatches(String query) {
        JsonNode ranking = ledgerApi("/api/v1/workload/cheapest?limit=50&" + query).path("ranking");
        assertThat(ranking.size()).isGreaterThan(1);
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking tbody tr"));
        assertThat(rows.stream().map(r -> r.getAttribute("data-model")).toList()).isEqualTo(
                StreamSupport.stream(ranking.spliterator(), false)
                        .map(m -> m.path("vendor").asString() + ":" + m.path("model").asString() + ":" + m.path("tier").asString())
                        .toList());
        // Ranked by headline price alone, ties kept in blended order (a stable sort, as the page's).
        List<Integer> byHeadline = new ArrayList<>(IntStream.range(0, ranking.size()).boxed().toList());
        byHeadline.sort(Comparator.comparing(i -> new BigDecimal(ranking.get(i).path("headlineInputPer1M").asString())));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).findElement(By.cssSelector(".headline .amount")).getAttribute("title"))
                    .isEqualTo(ranking.get(i).path("headlineInputPer1M").asString());
            assertThat(rows.get(i).findElement(By.cssSelector(".blended .amount")).getAttribute("title"))
                    .isEqualTo(ranking.get(i).path("blendedPer1M").asString());
            // A model whose headline price ranks it above where this mix puts it is flagged with that rank.
            int headlineRank = byHeadline.indexOf(i) + 1;
            List<WebElement> warning = rows.get(i).findElements(By.cssSelector(".badge.warn"));
            if (headlineRank < i + 1) {
                assertThat(warning).singleElement().extracting(WebElement::getText).isEqualTo("#" + headlineRank);
            } else {
                assertThat(warning).isEmpty();
            }
        }
    }

    /** Opens the one subscription in the form, does {@code more}, sets the cooldown and saves. */
    private void editCooldown(String cooldown, Runnable more) {
        browser.findElement(By.cssSelector("#subscriptions tbody tr")).findElement(By.xpath(".//button[text()='Edit']")).click();
        more.run();
        replaceText("cooldown", cooldown);
        browser.findElement(By.id("save")).click();
        waitFor().until(d -> d.findElement(By.cssSelector("#subscriptions tbody tr")).getText().contains(cooldown));
    }

    private void replaceText(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the page's status line settles, and fails with its text if it is not {@code expected}. */
    private void awaitStatus(String id, String expected) {
        Set<String> settled = Set.of("ready", "empty", "error");
        String state = waitFor().until(d -> {
            String s = d.findElement(By.id(id)).getAttribute("data-state");
            return settled.contains(s) ? s : null;
        });
        assertThat(state).as(browser.findElement(By.id(id)).getText()).isEqualTo(expected);
    }

    /** A wait that looks again when the page re-rendered what it was reading (a list refreshed under it). */
    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, PAGE_WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }

    private String historyUrl(String currency) {
        return "/api/v1/prices/" + URLEncoder.encode(QWEN_LONG_INPUT, StandardCharsets.UTF_8) + "/history?currency=" + currency;
    }

    private String apiKey;

    private String issueApiKey() {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(services.alertUrl() + "/api/v1/admin/api-keys"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + PriceWarServices.ALERT_ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"owner\": \"dashboard-it\"}")).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        apiKey = JSON.readTree(issued.body()).path("apiKey").asString();
        return apiKey;
    }

    private JsonNode alertApi(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(services.alertUrl() + path))
                .header("Authorization", "Bearer " + apiKey).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode ledgerApi(String path) {
        HttpResponse<String> response = get(services.ledgerUrl() + path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(http, request);
    }
}
