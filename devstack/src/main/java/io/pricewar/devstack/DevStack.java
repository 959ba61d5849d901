package io.pricewar.devstack;

import io.pricewar.alert.subscription.secret.SecretCipher;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/devstack}: runs all of PriceWar on this machine and replays the May 2024 price war
 * on a demo vendor site, a step every few seconds, so that history is written and alerts fire
 * within a minute of start. Ctrl-C stops everything.
 *
 * <p>The Kafka log and the MongoDB projections are kept in {@code .devstack-data/}: a second
 * start resumes them as they were (the demo pages then show the end of May) instead of
 * replaying the war.
 *
 * <p>Options: {@code --step-seconds=N} (default 6) between timeline steps; {@code --fresh}
 * deletes the kept data and replays May 2024 from the start; {@code --data=DIR} keeps the data
 * elsewhere; {@code --site-only} runs only the demo vendor site and its timeline on 0.0.0.0
 * (the demo container of docker-compose.yml, beside real Kafka, MongoDB and service images),
 * starting the timeline after {@code --start-after-seconds=N} (default 90).
 */
public final class DevStack implements AutoCloseable {

    static final int SITE_PORT = 8090;
    static final int WEBHOOK_PORT = 8099;
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);

    private final PrintStream out;
    private final Path data;
    private final int sitePort;
    private final int webhookPort;
    private final PriceWarServices.Ports servicePorts;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-timeline");
        thread.setDaemon(true);
        return thread;
    });

    private DevStack(PrintStream out, Path data) {
        this(out, data, SITE_PORT, WEBHOOK_PORT, PriceWarServices.Ports.DEFAULT);
    }

    /** As {@code bin/devstack} runs it, on other ports (0: any free one): for DevStackIT. */
    DevStack(PrintStream out, Path data, int sitePort, int webhookPort, PriceWarServices.Ports servicePorts) {
        this.out = out;
        this.data = data;
        this.sitePort = sitePort;
        this.webhookPort = webhookPort;
        this.servicePorts = servicePorts;
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Duration step = Duration.ofSeconds(Integer.parseInt(option(args, "--step-seconds=", "6")));
        if (List.of(args).contains("--site-only")) {
            runSiteOnly(step, Duration.ofSeconds(Integer.parseInt(option(args, "--start-after-seconds=", "90"))));
            return;
        }
        Path data = Path.of(option(args, "--data=", ".devstack-data")).toAbsolutePath();
        if (List.of(args).contains("--fresh")) {
            deleteRecursively(data);
        }
        DevStack stack = new DevStack(System.out, data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        try {
            stack.run(step);
        } catch (RuntimeException | IOException e) {
            // Kafka's threads would keep a half-started JVM alive: stop everything, then exit.
            System.err.println("PriceWar devstack could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    void run(Duration step) throws IOException {
        boolean resuming = Files.isDirectory(data.resolve("kafka"));
        out.println("Starting PriceWar devstack: Kafka broker, MongoDB server, demo vendor site, three services ...");
        out.println(resuming
                ? "Resuming the log and the ledger kept in " + data + " (bin/devstack --fresh replays May 2024 from the start)."
                : "Keeping the log and the ledger in " + data + ", so a restart resumes them.");
        EmbeddedKafka kafka = keep(EmbeddedKafka.persistentIn(data.resolve("kafka")));
        EmbeddedMongo mongo = keep(EmbeddedMongo.persistentIn(data.resolve("mongo").resolve("pricewar.mv")));
        DemoVendorSite site = keep(DemoVendorSite.start(sitePort));
        (resuming ? MayTimeline.end() : MayTimeline.before()).forEach(site::publish);
        ConsoleWebhook webhook = keep(ConsoleWebhook.start(webhookPort, out));
        List<DemoSource> sources = MayTimeline.vendors().stream()
                .map(vendor -> new DemoSource(vendor, site.urlOf(vendor), vendor.equals("openai") ? "USD" : "CNY", SCRAPE_INTERVAL))
                .toList();
        PriceWarServices services = keep(PriceWarServices.start(new PriceWarServices.Settings(
                kafka.bootstrapServers(), mongo::uri, servicePorts, sources,
                Map.of(PriceWarServices.WEBHOOK_SECRETS_KEY, webhookSecretsKey()))));
        DemoClient client = new DemoClient(services, data.resolve("dashboard-api-key"));
        printBanner(kafka, site, webhook, services, client.apiKey());

        if (resuming) {
            out.println("The demo pages show the end of May 2024; the console webhook still receives what the kept subscriptions match.");
            return;
        }
        int opening = MayTimeline.before().stream().mapToInt(page -> page.rows().size() * 2).sum();
        client.awaitCurrentPrices(opening, Duration.ofSeconds(90));
        out.println("Ledger holds the " + opening + " prices of 1 May 2024. Subscribing the console to drops and new listings.");
        client.subscribe(webhook.url(), "ANY_DROP");
        client.subscribe(webhook.url(), "NEW_LISTING");
        schedule(site, step);
    }

    /**
     * The key the kept subscriptions' signing secrets are sealed with, made on the first start and
     * kept beside the data they seal (readable by this user only), so that a resumed run opens them.
     */
    private String webhookSecretsKey() throws IOException {
        Path file = data.resolve("webhook-secrets.key");
        if (!Files.exists(file)) {
            Files.createDirectories(data);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, SecretCipher.generateKey());
        }
        return Files.readString(file).strip();
    }

    private static void runSiteOnly(Duration step, Duration startAfter) throws InterruptedException {
        DevStack stack = new DevStack(System.out, null);
        DemoVendorSite site = stack.keep(DemoVendorSite.start("0.0.0.0", SITE_PORT));
        MayTimeline.before().forEach(site::publish);
        System.out.println("Demo vendor site on port " + SITE_PORT + "; the May 2024 timeline starts in " + startAfter.toSeconds() + " s.");
        stack.schedule(site, startAfter.minus(step), step);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "demo-site-shutdown"));
        stopped.await();
    }

    private void schedule(DemoVendorSite site, Duration step) {
        schedule(site, Duration.ZERO, step);
    }

    private void schedule(DemoVendorSite site, Duration delay, Duration step) {
        List<MayTimeline.Step> steps = MayTimeline.steps();
        for (int i = 0; i < steps.size(); i++) {
            MayTimeline.Step next = steps.get(i);
            timeline.schedule(() -> {
                out.println("TIMELINE  " + next.date() + "  " + next.headline());
                next.pages().forEach(site::publish);
            }, delay.toMillis() + step.toMillis() * (i + 1), TimeUnit.MILLISECONDS);
        }
        timeline.schedule(() -> out.println("TIMELINE  end of May 2024. The system keeps running: Ctrl-C stops it."),
                delay.toMillis() + step.toMillis() * (steps.size() + 1), TimeUnit.MILLISECONDS);
    }

    private void printBanner(EmbeddedKafka kafka, DemoVendorSite site, ConsoleWebhook webhook, PriceWarServices services,
                             String apiKey) {
        out.println("""

                PriceWar devstack is up
                  scraper-service   %s   (actuator: /actuator/health, /actuator/prometheus)
                  ledger-service    %s/api/v1/prices
                  alert-service     %s/api/v1/subscriptions
                  demo vendor site  %s/
                  console webhook   %s
                  Kafka bootstrap   %s   (topic price-events)

                Dashboard (open in a browser)
                  price explorer    %s
                  leaderboard       %sleaderboard.html
                  timeline          %stimeline.html
                  subscriptions     %s   (API key: %s)
                """.formatted(services.scraperUrl(), services.ledgerUrl(), services.alertUrl(), site.baseUrl(),
                webhook.url(), kafka.bootstrapServers(), services.ledgerDashboardUrl(), services.ledgerDashboardUrl(),
                services.ledgerDashboardUrl(), services.alertDashboardUrl(), apiKey));
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public void close() {
        timeline.shutdownNow();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                out.println("while stopping: " + e);
            }
        }
        started.clear();
        out.println("PriceWar devstack stopped.");
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
