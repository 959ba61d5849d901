package io.pricewar.scraper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The scraper: fetches vendor pricing pages on a schedule, extracts every price exactly, diffs
 * against the last known state and publishes the changes to {@code price-events}.
 *
 * <p>Settings live in {@code scraper.yml} so that the three services can share one JVM in the
 * devstack without one's {@code application.yml} hiding the others'.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ScraperApplication {

    public static final String CONFIG_NAME = "spring.config.name=scraper";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ScraperApplication.class).properties(CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
