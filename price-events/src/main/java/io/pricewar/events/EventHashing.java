package io.pricewar.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The two digests every event carries, computed over a canonical, length-prefixed text of its
 * fields, never over JSON, so that a field order or whitespace change in a JSON library cannot
 * break a chain.
 *
 * <ul>
 *   <li>The event id covers what was observed (point, seq, kind, prices, announced date, page
 *       hash, cell text) but not when: the same page read again after a crash gives the same id.
 *   <li>The hash covers every field and the previous hash, so it chains a point's events.
 * </ul>
 */
final class EventHashing {

    private EventHashing() {
    }

    static String eventId(String kind, PricePointId pointId, long seq, Price previous, Price current,
                          Instant effectiveFrom, Evidence evidence) {
        byte[] digest = sha256(new Canonical()
                .add(kind).add(pointId.toString()).add(seq)
                .add(previous).add(current).add(effectiveFrom)
                .add(evidence.sha256()).add(evidence.cellText())
                .bytes());
        return uuidFrom(digest).toString();
    }

    static String hash(PriceEvent event) {
        Canonical text = new Canonical()
                .add(event.prevHash())
                .add(event.eventId())
                .add(event.getClass().getSimpleName())
                .add(event.schemaVersion())
                .add(event.pointId().toString())
                .add(event.seq());
        switch (event) {
            case PriceListed listed -> text.add((Price) null).add(listed.price());
            case PriceChanged changed -> text.add(changed.previousPrice()).add(changed.newPrice());
            case PriceDelisted delisted -> text.add(delisted.lastPrice()).add((Price) null);
        }
        text.add(event.observedAt()).add(event.effectiveFrom())
                .add(event.evidence().url()).add(event.evidence().fetchedAt())
                .add(event.evidence().sha256()).add(event.evidence().cellText());
        return HexFormat.of().formatHex(sha256(text.bytes()));
    }

    static void requireCommon(PricePointId pointId, long seq, Instant observedAt, Evidence evidence,
                              String prevHash, String hash) {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A name-based UUID (RFC 9562 version 8) from the first 128 bits of a SHA-256 digest. */
    private static UUID uuidFrom(byte[] digest) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (digest[i] & 0xff);
            lsb = (lsb << 8) | (digest[i + 8] & 0xff);
        }
        msb = (msb & ~0xF000L) | 0x8000L;
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Each field as {@code <length>:<text>;} so that no two field lists share a text. */
    private static final class Canonical {
        private final StringBuilder text = new StringBuilder(256);

        Canonical add(String value) {
            if (value == null) {
                text.append("-;");
            } else {
                text.append(value.length()).append(':').append(value).append(';');
            }
            return this;
        }

        Canonical add(long value) {
            return add(Long.toString(value));
        }

        Canonical add(Instant value) {
            return add(value == null ? null : value.toString());
        }

        Canonical add(Price value) {
            return add(value == null ? null : value.canonical());
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
