package io.pricewar.ledger.startup;

import io.pricewar.ledger.projection.kafka.ProjectionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class StorageStartupConfiguration {

    /** Long enough for a healthy MongoDB, short enough not to stall start-up when it is away. */
    private static final Duration FIRST_TRY = Duration.ofSeconds(5);

    /** Named so that its health shows as {@code ledgerStorage}, which ledger.yml puts in the readiness group. */
    @Bean
    StorageStartup ledgerStorage(List<StoragePrerequisite> prerequisites, KafkaListenerEndpointRegistry listeners,
                                 ProjectionProperties properties) {
        Mono<Void> prepare = Flux.fromIterable(prerequisites)
                .concatMap(prerequisite -> prerequisite.prepare().get())
                .then();
        return new StorageStartup(prepare, listeners,
                prerequisites.stream().map(StoragePrerequisite::listenerId).toList(), FIRST_TRY,
                properties.retryMaxInterval());
    }
}
