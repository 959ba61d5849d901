package io.pricewar.alert.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Daily digests.
 *
 * @param checkInterval how often a replica looks for digest days that have ended; a digest is
 *                      sent at most this long after its cut-over
 * @param batch         how many held notifications one check reads to find the due digests
 */
@ConfigurationProperties("pricewar.alert.digest")
public record DigestProperties(@DefaultValue("30s") Duration checkInterval, @DefaultValue("1000") int batch) {
}
