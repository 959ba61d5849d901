package io.pricewar.ledger.audit;

import io.pricewar.ledger.projection.HistoryEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an auditor needs to check a window of the record independently: every event's id and
 * hash with the hash of the page it was read from (so each can be recomputed from the log and
 * matched against the body served by sha256), whether the ledger holds each body, the chain
 * verdict of each point, and a digest over the listed lines so the report itself can be cited.
 */
public record AuditReport(
        Instant from,
        Instant to,
        String scope,
        Instant generatedAt,
        List<Line> events,
        Map<String, Boolean> evidenceStored,
        List<ChainCheck.ChainReport> chains,
        String digest) {

    /** One event: enough to find it in the log and recompute its hash. */
    public record Line(String pointId, long seq, String type, String eventId, String prevHash, String hash,
                       String evidenceSha256, String evidenceUrl, Instant observedAt) {

        static Line of(HistoryEntry e) {
            return new Line(e.pointId().toString(), e.seq(), e.type(), e.eventId(), e.prevHash(), e.hash(),
                    e.evidence().sha256(), e.evidence().url(), e.observedAt());
        }

        String canonical() {
            return String.join("|", pointId, Long.toString(seq), type, eventId, prevHash, hash, evidenceSha256);
        }
    }

    public static AuditReport of(Instant from, Instant to, String scope, Instant now, List<HistoryEntry> entries,
                                 Set<String> storedBodies, List<ChainCheck.ChainReport> chains) {
        List<Line> lines = entries.stream().map(Line::of).toList();
        Map<String, Boolean> evidence = new LinkedHashMap<>();
        lines.forEach(line -> evidence.put(line.evidenceSha256(), storedBodies.contains(line.evidenceSha256())));
        return new AuditReport(from, to, scope, now, lines, evidence, chains, digest(lines));
    }

    /** SHA-256 over the lines' canonical texts, one per line, in report order. */
    static String digest(List<Line> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> sha.update((line.canonical() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
