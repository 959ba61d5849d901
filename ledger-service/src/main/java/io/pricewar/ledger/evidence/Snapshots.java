package io.pricewar.ledger.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code page-snapshots} record into a {@link Snapshot}, checking what makes it
 * evidence: the body decompresses and hashes to its key. A record that fails is not evidence
 * of anything and is refused with the reason, never stored under a name it does not have.
 */
public final class Snapshots {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Far above any pricing page; a bound so that a corrupt stream cannot exhaust the heap. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private Snapshots() {
    }

    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    public static Snapshot read(String key, byte[] value, String url, String fetchedAt, String contentType,
                                String encoding) {
        if (!isSha256(key)) {
            throw new UnusableSnapshotException("key '" + key + "' is not a lower-case hex SHA-256");
        }
        if (value == null) {
            throw new UnusableSnapshotException("record has no value");
        }
        if (encoding != null && !encoding.equalsIgnoreCase("gzip")) {
            throw new UnusableSnapshotException("encoding '" + encoding + "' is not gzip");
        }
        byte[] body = gunzip(value);
        String actual = sha256(body);
        if (!actual.equals(key)) {
            throw new UnusableSnapshotException("body hashes to " + actual + ", not to its key " + key);
        }
        return new Snapshot(key, url, instant(fetchedAt), contentType == null ? "application/octet-stream" : contentType,
                body);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] gunzip(byte[] value) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(value))) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new UnusableSnapshotException("body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UnusableSnapshotException("value is not gzip: " + e.getMessage());
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnusableSnapshotException("fetched-at '" + text + "' is not an ISO-8601 instant");
        }
    }

    /** A snapshot record that cannot be kept as evidence. */
    public static final class UnusableSnapshotException extends RuntimeException {
        public UnusableSnapshotException(String reason) {
            super(reason);
        }
    }
}
