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
 * @param pollInterval while a stream is open, how often the outbox is read for the notifications
 *                  other replicas recorded for its owner: their most added latency
 * @param pollOverlap how far back each poll reads again, past the previous one: must cover the
 *                  time between a delivery's timestamp and its write becoming visible, and the
 *                  replicas' clock differences, or a notification can be missed
 */
@ConfigurationProperties("pricewar.alert.stream")
public record StreamProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("256") int buffer,
                               @DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration pollOverlap) {
}
