package io.pricewar.ledger.evidence;

import java.time.Instant;
import java.util.Objects;

/** A page body as fetched, named by the SHA-256 of its bytes, with where and when it was fetched. */
public record Snapshot(String sha256, String url, Instant fetchedAt, String contentType, byte[] body) {

    public Snapshot {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(body, "body");
    }
}
