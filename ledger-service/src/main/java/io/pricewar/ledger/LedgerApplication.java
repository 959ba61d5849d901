package io.pricewar.ledger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The ledger: projects {@code price-events} into MongoDB and answers price queries.
 *
 * <p>Its settings live in {@code ledger.yml}, not {@code application.yml}, so that the three
 * services can run side by side in one JVM (the devstack) without one's settings hiding the
 * others'.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static final String CONFIG_NAME = "spring.config.name=ledger";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(LedgerApplication.class).properties(CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
