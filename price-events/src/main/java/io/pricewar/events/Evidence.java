package io.pricewar.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a price was read: the page, when it was fetched, the SHA-256 of the body as fetched
 * (the key of its snapshot on {@code page-snapshots}) and the text of the cell as the page
 * showed it. This is what lets an auditor check a recorded price against its source.
 *
 * <p>Instants in events are kept to the millisecond, the precision every store of the record
 * (MongoDB dates, JSON consumers) keeps, so that a chain re-verified from any copy still holds.
 */
public record Evidence(String url, Instant fetchedAt, String sha256, String cellText) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Evidence {
        Objects.requireNonNull(url, "url");
        fetchedAt = Objects.requireNonNull(fetchedAt, "fetchedAt").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was '" + sha256 + "'");
        }
        cellText = cellText == null ? "" : cellText;
    }
}
