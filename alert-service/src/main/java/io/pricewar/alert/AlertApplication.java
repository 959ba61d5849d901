package io.pricewar.alert;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Alerts: keeps subscriptions, matches every event on {@code price-events} against them and
 * delivers the notifications they ask for through an outbox.
 *
 * <p>Its settings live in {@code alert.yml}, not {@code application.yml}, so that the three
 * services can run side by side in one JVM (the devstack) without one's settings hiding the
 * others'.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertApplication {

    public static final String CONFIG_NAME = "spring.config.name=alert";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AlertApplication.class).properties(CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
