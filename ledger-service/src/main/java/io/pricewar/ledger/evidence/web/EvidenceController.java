package io.pricewar.ledger.evidence.web;

import io.pricewar.ledger.evidence.EvidenceStore;
import io.pricewar.ledger.evidence.Snapshots;
import io.pricewar.ledger.query.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "evidence", description = "Page bodies by SHA-256")
class EvidenceController {

    private final EvidenceStore store;

    EvidenceController(EvidenceStore store) {
        this.store = store;
    }

    /**
     * The ETag is the hash itself: the body can never change under it. A vendor's page is served
     * sandboxed (CSP {@code sandbox}): the dashboard links to it, and its scripts must not run
     * with the ledger's origin.
     */
    @GetMapping("/api/v1/evidence/{sha256}")
    @Operation(summary = "The page body with this SHA-256, as fetched, with its content type")
    Mono<ResponseEntity<?>> evidence(@PathVariable String sha256) {
        if (!Snapshots.isSha256(sha256)) {
            throw new InvalidParameterException("sha256", sha256, "is not 64 lower-case hex digits");
        }
        return store.find(sha256)
                .<ResponseEntity<?>>map(snapshot -> ResponseEntity.ok()
                        .contentType(mediaType(snapshot.contentType()))
                        .eTag("\"" + sha256 + "\"")
                        .header("Content-Security-Policy", "sandbox")
                        .header("X-Evidence-Url", String.valueOf(snapshot.url()))
                        .header("X-Evidence-Fetched-At", String.valueOf(snapshot.fetchedAt()))
                        .body(snapshot.body()))
                .defaultIfEmpty(notFound(sha256));
    }

    /** A server's header is not ours to trust; an unparseable one is served as bytes. */
    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static ResponseEntity<?> notFound(String sha256) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no page body with SHA-256 " + sha256 + " in the ledger");
        problem.setTitle("Unknown evidence");
        return ResponseEntity.of(problem).build();
    }
}
