package io.pricewar.ledger.startup;

import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * What MongoDB must have before a listener may consume, e.g. the unique indexes that make its
 * writes idempotent. The listener's container must be created with auto-start off;
 * {@link StorageStartup} starts it once {@code prepare} has succeeded.
 */
public record StoragePrerequisite(String listenerId, Supplier<Mono<Void>> prepare) {
}
