package io.pricewar.ledger.projection;

import io.pricewar.events.Price;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A digest of a projection's content: every history entry and every current price, each hashed
 * over a canonical text of its fields (source offsets left out, since they say where an event
 * was read, not what it is), and the hashes added modulo 2^256. Adding makes the digest
 * independent of reading order, so two generations can be compared by streaming each once,
 * without sorting a million documents. Tampering is what the hash chains catch; this says
 * whether two copies hold the same facts.
 */
public final class ProjectionChecksum {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private BigInteger historySum = BigInteger.ZERO;
    private BigInteger currentSum = BigInteger.ZERO;
    private long historyCount;
    private long currentCount;

    public ProjectionChecksum addHistory(HistoryEntry entry) {
        historySum = historySum.add(digest(new StringBuilder("H|")
                .append(entry.pointId()).append('|').append(entry.seq()).append('|').append(entry.type())
                .append('|').append(entry.eventId()).append('|').append(text(entry.previousPrice()))
                .append('|').append(text(entry.price())).append('|').append(text(entry.observedAt()))
                .append('|').append(text(entry.effectiveFrom())).append('|').append(entry.evidence().sha256())
                .append('|').append(entry.evidence().cellText()).append('|').append(entry.prevHash())
                .append('|').append(entry.hash()))).mod(MODULUS);
        historyCount++;
        return this;
    }

    public ProjectionChecksum addCurrent(CurrentPrice current) {
        currentSum = currentSum.add(digest(new StringBuilder("C|")
                .append(current.pointId()).append('|').append(current.status()).append('|').append(current.seq())
                .append('|').append(text(current.price())).append('|').append(text(current.observedAt()))
                .append('|').append(text(current.effectiveAt())).append('|').append(current.lastEventId())))
                .mod(MODULUS);
        currentCount++;
        return this;
    }

    public Result result() {
        return new Result(hex(historySum.add(currentSum).mod(MODULUS)), hex(historySum), historyCount, currentCount);
    }

    /**
     * @param digest  over history and current prices together
     * @param history over history alone, for comparing the part of two generations that overlaps
     */
    public record Result(String digest, String history, long historyEntries, long currentPrices) {
    }

    private static String text(Price price) {
        if (price == null) {
            return "-";
        }
        return price.amount().stripTrailingZeros().toPlainString() + " " + price.currency().getCurrencyCode()
                + " " + price.unit();
    }

    private static String text(Instant instant) {
        return instant == null ? "-" : instant.toString();
    }

    private static BigInteger digest(StringBuilder text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return HexFormat.of().formatHex(fixed);
    }
}
