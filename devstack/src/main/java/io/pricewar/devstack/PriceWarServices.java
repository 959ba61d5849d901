package io.pricewar.devstack;

import io.pricewar.alert.AlertApplication;
import io.pricewar.alert.subscription.secret.SecretCipher;
import io.pricewar.ledger.LedgerApplication;
import io.pricewar.scraper.ScraperApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The three services started in this JVM, each its own Spring application with its own config
 * file, told only a Kafka bootstrap address and a MongoDB URI, exactly as in production.
 */
public final class PriceWarServices implements AutoCloseable {

    /**
     * @param kafkaBootstrap value for {@code spring.kafka.bootstrap-servers}
     * @param mongoUri       the MongoDB URI for a database name
     * @param ports          HTTP ports of scraper, ledger and alert; 0 picks free ones
     * @param sources        what the scraper reads
     * @param properties     further settings given to every service, winning over their config
     *                       files (a test's shorter timings, the devstack's kept secrets key)
     */
    public record Settings(String kafkaBootstrap, Function<String, String> mongoUri, Ports ports,
                           List<DemoSource> sources, Map<String, Object> properties) {

        public Settings(String kafkaBootstrap, Function<String, String> mongoUri, Ports ports, List<DemoSource> sources) {
            this(kafkaBootstrap, mongoUri, ports, sources, Map.of());
        }
    }

    public record Ports(int scraper, int ledger, int alert) {
        public static final Ports DEFAULT = new Ports(8081, 8082, 8083);
        public static final Ports ANY_FREE = new Ports(0, 0, 0);
    }

    /**
     * The alert service's admin key in the local run, where the devstack issues itself an API key
     * with it; a deployment sets its own secret, and with none the admin endpoint is off.
     */
    public static final String ALERT_ADMIN_KEY = "devstack-admin-key";

    /**
     * The local run's webhooks listen on plain http at 127.0.0.1, which the alert service refuses
     * by default (https only, no loopback) to keep subscribers from reaching its own network.
     */
    private static final Map<String, Object> ALERT_LOCAL_USE = Map.of(
            "pricewar.alert.owners.admin-key", ALERT_ADMIN_KEY,
            "pricewar.alert.delivery.guard.allow-plain-http", "true",
            "pricewar.alert.delivery.guard.allowed-networks", "127.0.0.0/8");

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final ConfigurableApplicationContext scraper;
    private final ConfigurableApplicationContext ledger;
    private final ConfigurableApplicationContext alert;

    /**
     * The alert service seals webhook signing secrets with this key and refuses to start without
     * one. Unless the settings name a key (the devstack keeps one beside its data, so a restart
     * still opens what it sealed), a throw-away one is made: the databases of tests live no longer.
     */
    static final String WEBHOOK_SECRETS_KEY = "pricewar.alert.webhook-secrets.key";

    private PriceWarServices(Settings settings) {
        try {
            ledger = start(LedgerApplication.builder(), settings, settings.ports().ledger(), "pricewar-ledger", Map.of());
            Map<String, Object> alertProperties = new HashMap<>(ALERT_LOCAL_USE);
            alertProperties.put(WEBHOOK_SECRETS_KEY, SecretCipher.generateKey());
            alert = start(AlertApplication.builder(), settings, settings.ports().alert(), "pricewar-alert",
                    alertProperties);
            Map<String, Object> scraperProperties = new HashMap<>(sourceProperties(settings.sources()));
            // The scraper keeps no database. On this shared classpath Boot would still configure a
            // MongoDB client for it (reaching for localhost:27017), so it is switched off here.
            // The demo's cuts of 90% and more (Qwen-Long, the free ERNIE models) are held for a
            // confirming re-scrape, as in production; here the re-scrape comes seconds later.
            scraperProperties.put("pricewar.scraper.safety.confirm-after", "2s");
            scraperProperties.put("spring.autoconfigure.exclude",
                    "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                            + "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration");
            scraper = start(ScraperApplication.builder(), settings, settings.ports().scraper(), null, scraperProperties);
            linkDashboards();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static PriceWarServices start(Settings settings) {
        return new PriceWarServices(settings);
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder builder, Settings settings, int port,
                                                 String database, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.putAll(settings.properties());
        properties.put("spring.kafka.bootstrap-servers", settings.kafkaBootstrap());
        if (database != null) {
            properties.put("spring.mongodb.uri", settings.mongoUri().apply(database));
        }
        properties.put("server.port", port);
        // Three services share one console here: no banner, no start-up chatter.
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        // As command-line arguments, which win over each service's own config file (properties
        // given to the builder are only defaults and would lose to it).
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = builder.run(args);
        running.add(context);
        return context;
    }

    /**
     * Points each service's dashboard pages at the other's, now that both ports are known (on free
     * ports the ledger starts before the alert service's port exists); read by each request.
     */
    private void linkDashboards() {
        ledger.getEnvironment().getPropertySources().addFirst(new MapPropertySource("devstack-dashboard-links",
                Map.of("pricewar.dashboard.links.alert", dashboardUrl(alert))));
        alert.getEnvironment().getPropertySources().addFirst(new MapPropertySource("devstack-dashboard-links",
                Map.of("pricewar.dashboard.links.ledger", dashboardUrl(ledger))));
    }

    private static Map<String, Object> sourceProperties(List<DemoSource> sources) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            properties.putAll(sources.get(i).properties(i));
        }
        return properties;
    }

    public String scraperUrl() {
        return urlOf(scraper);
    }

    public String ledgerUrl() {
        return urlOf(ledger);
    }

    public String alertUrl() {
        return urlOf(alert);
    }

    /** The ledger's analyst pages: price explorer, leaderboard, timeline. */
    public String ledgerDashboardUrl() {
        return dashboardUrl(ledger);
    }

    /** The alert service's subscriptions page. */
    public String alertDashboardUrl() {
        return dashboardUrl(alert);
    }

    private static String dashboardUrl(ConfigurableApplicationContext context) {
        return urlOf(context) + "/dashboard/";
    }

    private static String urlOf(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Stops the services in reverse order of start, so producers stop before consumers. */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        running.clear();
    }
}
