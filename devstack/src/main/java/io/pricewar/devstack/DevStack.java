package io.pricewar.devstack;

import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/devstack}: runs all of PriceWar on this machine and replays the May 2024 price war
 * on a demo vendor site, a step every few seconds, so that history is written and alerts fire
 * within a minute of start. Ctrl-C stops everything.
 *
 * <p>Options: {@code --step-seconds=N} (default 6) between timeline steps.
 */
public final class DevStack implements AutoCloseable {

    static final int SITE_PORT = 8090;
    static final int WEBHOOK_PORT = 8099;
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);

    private final PrintStream out;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-timeline");
        thread.setDaemon(true);
        return thread;
    });

    private DevStack(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        Duration step = Duration.ofSeconds(intOption(args, "--step-seconds=", 6));
        DevStack stack = new DevStack(System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        stack.run(step);
        stopped.await();
    }

    void run(Duration step) {
        out.println("Starting PriceWar devstack: Kafka broker, MongoDB server, demo vendor site, three services ...");
        EmbeddedKafka kafka = keep(EmbeddedKafka.start());
        EmbeddedMongo mongo = keep(EmbeddedMongo.inMemory());
        DemoVendorSite site = keep(DemoVendorSite.start(SITE_PORT));
        MayTimeline.before().forEach(site::publish);
        ConsoleWebhook webhook = keep(ConsoleWebhook.start(WEBHOOK_PORT, out));
        List<DemoSource> sources = MayTimeline.vendors().stream()
                .map(vendor -> new DemoSource(vendor, site.urlOf(vendor), vendor.equals("openai") ? "USD" : "CNY", SCRAPE_INTERVAL))
                .toList();
        PriceWarServices services = keep(PriceWarServices.start(new PriceWarServices.Settings(
                kafka.bootstrapServers(), mongo::uri, PriceWarServices.Ports.DEFAULT, sources)));
        printBanner(kafka, site, webhook, services);

        DemoClient client = new DemoClient(services);
        int opening = MayTimeline.before().stream().mapToInt(page -> page.rows().size() * 2).sum();
        client.awaitCurrentPrices(opening, Duration.ofSeconds(90));
        out.println("Ledger holds the " + opening + " prices of 1 May 2024. Subscribing the console to drops and new listings.");
        client.subscribe(webhook.url(), "ANY_DROP");
        client.subscribe(webhook.url(), "NEW_LISTING");
        schedule(site, step);
    }

    private void schedule(DemoVendorSite site, Duration step) {
        List<MayTimeline.Step> steps = MayTimeline.steps();
        for (int i = 0; i < steps.size(); i++) {
            MayTimeline.Step next = steps.get(i);
            timeline.schedule(() -> {
                out.println("TIMELINE  " + next.date() + "  " + next.headline());
                next.pages().forEach(site::publish);
            }, step.toMillis() * (i + 1), TimeUnit.MILLISECONDS);
        }
        timeline.schedule(() -> out.println("TIMELINE  end of May 2024. The system keeps running: Ctrl-C stops it."),
                step.toMillis() * (steps.size() + 1), TimeUnit.MILLISECONDS);
    }

    private void printBanner(EmbeddedKafka kafka, DemoVendorSite site, ConsoleWebhook webhook, PriceWarServices services) {
        out.println("""

                PriceWar devstack is up
                  scraper-service   %s   (actuator: /actuator/health, /actuator/prometheus)
                  ledger-service    %s/api/v1/prices
                  alert-service     %s/api/v1/subscriptions
                  demo vendor site  %s/
                  console webhook   %s
                  Kafka bootstrap   %s   (topic price-events)
                """.formatted(services.scraperUrl(), services.ledgerUrl(), services.alertUrl(), site.baseUrl(),
                webhook.url(), kafka.bootstrapServers()));
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
    }

    private static int intOption(String[] args, String prefix, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Integer.parseInt(arg.substring(prefix.length()));
            }
        }
        return fallback;
    }
}
