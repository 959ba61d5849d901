package io.pricewar.support;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Probe settings every service shares, as the lowest-precedence defaults, so that each service's
 * own config file and any operator override still win:
 * <ul>
 *   <li>readiness includes the Kafka and MongoDB connections: a replica that cannot reach them
 *       stops taking traffic until they return;
 *   <li>liveness includes them only through {@code connections} ({@link ConnectionLivenessIndicator}),
 *       which goes DOWN once one has been unreachable for longer than a grace period: a brief
 *       outage never restarts pods (a restart would not bring a broker back), a wedged client does;
 *   <li>a service without MongoDB (the scraper) simply has no {@code mongo} member in the group.
 * </ul>
 */
public class ProbeDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "pricewarProbeDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(
                "management.endpoint.health.probes.enabled", "true",
                "management.endpoint.health.group.readiness.include", "readinessState,kafka,mongo",
                "management.endpoint.health.group.liveness.include", "livenessState,connections",
                "management.endpoint.health.validate-group-membership", "false",
                "management.endpoint.health.group.readiness.show-details", "always",
                "management.endpoint.health.group.liveness.show-details", "always")));
    }
}
