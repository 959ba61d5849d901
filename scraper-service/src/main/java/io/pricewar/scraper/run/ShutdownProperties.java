package io.pricewar.scraper.run;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How a stopping scraper treats the runs it has started.
 *
 * @param timeout how long a stop waits for runs in flight to fetch and publish; a run still going
 *                then is cancelled, and the next scraper runs that source again. Keep it under
 *                Boot's {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s) and the pod's
 *                termination grace period (45 s), which end the wait whatever this says.
 */
@ConfigurationProperties("pricewar.scraper.shutdown")
public record ShutdownProperties(Duration timeout) {

    public ShutdownProperties {
        timeout = timeout != null ? timeout : Duration.ofSeconds(20);
    }
}
