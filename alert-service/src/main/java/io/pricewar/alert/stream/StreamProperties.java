package io.pricewar.alert.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Live streams of notifications.
 *
 * @param heartbeat how often an idle stream sends a comment, so proxies and clients do not take
 *                  a quiet connection for a dead one
 * @param buffer    notifications held for a slow client before the oldest are dropped
 */
@ConfigurationProperties("pricewar.alert.stream")
public record StreamProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("256") int buffer) {
}
