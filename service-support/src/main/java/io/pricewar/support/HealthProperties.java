package io.pricewar.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param livenessGrace how long Kafka or MongoDB may stay unreachable before liveness goes DOWN
 *                      and the replica is restarted; long enough that a broker restart or a
 *                      primary election never restarts pods
 * @param staleAfter    how old the last connection check may be before liveness runs one itself;
 *                      longer than the readiness probe's period, so that one normally serves both
 */
@ConfigurationProperties("pricewar.health")
public record HealthProperties(
        @DefaultValue("3m") Duration livenessGrace,
        @DefaultValue("15s") Duration staleAfter) {
}
