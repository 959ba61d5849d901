package io.pricewar.scraper.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/** A page body exactly as fetched, with when and its SHA-256, which events cite as evidence. */
public record FetchedPage(String url, Instant fetchedAt, byte[] body, Charset charset, String sha256) {

    public static FetchedPage of(String url, Instant fetchedAt, byte[] body, Charset charset) {
        return new FetchedPage(url, fetchedAt, body, charset == null ? StandardCharsets.UTF_8 : charset, sha256(body));
    }

    public String text() {
        return new String(body, charset);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
