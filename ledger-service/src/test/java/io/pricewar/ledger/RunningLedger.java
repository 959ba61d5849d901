package io.pricewar.ledger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A whole ledger in this JVM, started as the devstack starts it, for tests that stop and restart it. */
public final class RunningLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param beans singletons registered before the context refreshes, e.g. a store fault seam
     * @param args  {@code --key=value} settings, which win over {@code ledger.yml}
     */
    public static RunningLedger start(String bootstrapServers, String mongoUri, Map<String, Object> beans,
                                      String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.mongodb.uri=" + mongoUri, "--server.port=0"));
        all.addAll(List.of(args));
        SpringApplicationBuilder builder = LedgerApplication.builder()
                .initializers(ctx -> beans.forEach(ctx.getBeanFactory()::registerSingleton));
        return new RunningLedger(builder.run(all.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    @Override
    public void close() {
        context.close();
    }
}
