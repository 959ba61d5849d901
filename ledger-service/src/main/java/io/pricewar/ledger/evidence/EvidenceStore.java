package io.pricewar.ledger.evidence;

import reactor.core.publisher.Mono;

/** Page bodies by SHA-256. Saving is idempotent: the same body is the same document. */
public interface EvidenceStore {

    Mono<Void> save(Snapshot snapshot);

    /** The snapshot, or empty when the ledger has no body with this hash. */
    Mono<Snapshot> find(String sha256);

    /** Whether the body is stored, without reading it. */
    Mono<Boolean> has(String sha256);
}
