package io.pricewar.alert.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail channel; the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender of every notification e-mail
 */
@ConfigurationProperties("pricewar.alert.email")
public record EmailProperties(@DefaultValue("alerts@pricewar.local") String from) {
}
