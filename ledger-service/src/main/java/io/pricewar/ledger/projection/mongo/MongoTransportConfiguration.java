package io.pricewar.ledger.projection.mongo;

import com.mongodb.connection.TransportSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB driver's own asynchronous transport (NIO.2, or its TLS channel when TLS is on)
 * instead of the Netty one Boot picks whenever Netty is on the classpath, as it is here for
 * WebFlux. Why: the driver encodes every document into its transport's buffers, and with Netty's
 * direct buffers it wrote byte by byte, each write checking the buffer's reference count; in the
 * projection benchmark that encoding took about half of the ledger's CPU. The driver's transport
 * encodes into heap buffers with bulk copies. Nothing else changes: same driver, same wire
 * protocol, same settings. This customizer runs after Boot's (which has the highest precedence),
 * so its transport is the one used.
 */
@Configuration(proxyBeanMethods = false)
class MongoTransportConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer driverAsyncTransport() {
        return settings -> settings.transportSettings(TransportSettings.asyncBuilder().build());
    }
}
