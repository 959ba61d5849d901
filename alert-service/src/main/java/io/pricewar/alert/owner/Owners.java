package io.pricewar.alert.owner;

import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The owner feature's entry point for the others: who is asking, and may they have one more. */
@Service
public class Owners {

    /** The request attribute {@link ApiKeyFilter} leaves the authenticated owner in. */
    static final String REQUEST_ATTRIBUTE = Owner.class.getName();

    /** A key as issued: the only time its text is seen. */
    record IssuedKey(Owner owner, String apiKey) {
    }

    private final OwnerRepository repository;
    private final OwnerProperties properties;
    private final Clock clock = Clock.systemUTC();

    Owners(OwnerRepository repository, OwnerProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** The owner a request was authenticated as; only callable behind {@link ApiKeyFilter}. */
    public static Owner of(ServerRequest request) {
        return request.attribute(REQUEST_ATTRIBUTE).map(Owner.class::cast)
                .orElseThrow(() -> new IllegalStateException("route not behind the API key filter"));
    }

    Mono<IssuedKey> issue(String name, Integer maxSubscriptions, Integer maxEndpoints) {
        String key = ApiKeys.newKey();
        Owner owner = new Owner(UUID.randomUUID().toString(), name,
                maxSubscriptions != null ? maxSubscriptions : properties.defaultMaxSubscriptions(),
                maxEndpoints != null ? maxEndpoints : properties.defaultMaxEndpoints(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return repository.insert(owner, ApiKeys.hash(key)).map(saved -> new IssuedKey(saved, key));
    }

    Mono<Owner> authenticate(String apiKey) {
        return repository.findByKeyHash(ApiKeys.hash(apiKey));
    }

    /** Emits true when the owner may have one more subscription, which is then counted. */
    public Mono<Boolean> reserveSubscription(Owner owner) {
        return repository.reserveSubscription(owner);
    }

    public Mono<Void> releaseSubscription(String ownerId) {
        return repository.releaseSubscription(ownerId);
    }
}
