package io.pricewar.ledger.audit.web;

import io.pricewar.events.PricePointId;
import io.pricewar.ledger.audit.AuditReport;
import io.pricewar.ledger.audit.ChainCheck;
import io.pricewar.ledger.evidence.EvidenceStore;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.TimeRange;
import io.pricewar.ledger.query.UnknownPricePointException;
import io.pricewar.ledger.query.web.HistoryEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RestController
@Tag(name = "audit", description = "Events with evidence, hash-chain verification, window reports")
class AuditController {

    /** Points verified at once when checking all chains: bounded memory, some parallelism. */
    private static final int CONCURRENT_POINTS = 4;

    private final PriceQueries queries;
    private final EvidenceStore evidence;
    private final Clock clock = Clock.systemUTC();

    AuditController(PriceQueries queries, EvidenceStore evidence) {
        this.queries = queries;
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/audit/events")
    @Operation(summary = "Events of one point or one vendor observed in [from, to), each with its evidence")
    Flux<AuditedEventView> events(@RequestParam(required = false) String pointId,
                                  @RequestParam(required = false) String vendor,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        TimeRange range = TimeRange.of(from, to);
        return entries(pointId, vendor, range)
                .concatMap(entry -> evidence.has(entry.evidence().sha256())
                        .map(stored -> AuditedEventView.of(entry, stored)));
    }

    @GetMapping("/api/v1/audit/chains/{pointId}")
    @Operation(summary = "Verify the hash chain of one point; reports the first broken link")
    Mono<ChainCheck.ChainReport> chain(@PathVariable String pointId) {
        PricePointId id = point(pointId);
        return verify(id).filter(report -> report.events() > 0)
                .switchIfEmpty(Mono.error(() -> new UnknownPricePointException(id)));
    }

    @GetMapping("/api/v1/audit/chains")
    @Operation(summary = "Verify the hash chains of every point; lists each broken chain at its first broken link")
    Mono<AllChainsView> chains() {
        return queries.pointsInHistory()
                .flatMap(this::verify, CONCURRENT_POINTS)
                .collectList()
                .map(AllChainsView::of);
    }

    @GetMapping("/api/v1/audit/report")
    @Operation(summary = "Audit report of [from, to): event hashes, evidence hashes, chain verdicts, a digest")
    Mono<AuditReport> report(@RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String vendor) {
        TimeRange range = TimeRange.of(from, to);
        return queries.historyMatching(PriceFilter.of(vendor, null, null, null, null), range)
                .collectList()
                .flatMap(entries -> storedBodies(entries)
                        .zipWith(chainsOf(entries))
                        .map(both -> AuditReport.of(range.from(), range.to(), vendor == null ? "all vendors" : vendor,
                                clock.instant(), entries, both.getT1(), both.getT2())));
    }

    private Flux<HistoryEntry> entries(String pointId, String vendor, TimeRange range) {
        if ((pointId == null) == (vendor == null)) {
            throw new InvalidParameterException(pointId == null ? "pointId" : "vendor", "",
                    "give exactly one of pointId and vendor");
        }
        if (pointId != null) {
            return queries.history(point(pointId), range, 0, Integer.MAX_VALUE);
        }
        return queries.historyMatching(PriceFilter.of(vendor, null, null, null, null), range);
    }

    private Mono<ChainCheck.ChainReport> verify(PricePointId id) {
        return queries.history(id).collectList().map(entries -> ChainCheck.verify(id, entries));
    }

    private Mono<Set<String>> storedBodies(List<HistoryEntry> entries) {
        return Flux.fromStream(entries.stream().map(e -> e.evidence().sha256()).distinct())
                .filterWhen(evidence::has)
                .collect(HashSet::new, Set::add);
    }

    /** Each point in the window is verified over its whole chain, since a link before the window matters too. */
    private Mono<List<ChainCheck.ChainReport>> chainsOf(List<HistoryEntry> entries) {
        return Flux.fromStream(entries.stream().map(HistoryEntry::pointId).distinct())
                .flatMapSequential(this::verify, CONCURRENT_POINTS)
                .collectList();
    }

    private static PricePointId point(String pointId) {
        try {
            return PricePointId.parse(pointId);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("pointId", pointId, "is not a price point id: " + e.getMessage());
        }
    }

    /** An event with its evidence and where to fetch the page body. */
    record AuditedEventView(String pointId, HistoryEntryView event, String evidenceBody, boolean evidenceStored) {
        static AuditedEventView of(HistoryEntry entry, boolean stored) {
            return new AuditedEventView(entry.pointId().toString(), HistoryEntryView.of(entry),
                    "/api/v1/evidence/" + entry.evidence().sha256(), stored);
        }
    }

    record AllChainsView(int points, long events, boolean intact, List<ChainCheck.ChainReport> broken) {
        static AllChainsView of(List<ChainCheck.ChainReport> reports) {
            List<ChainCheck.ChainReport> broken = reports.stream().filter(r -> !r.intact()).toList();
            return new AllChainsView(reports.size(), reports.stream().mapToLong(ChainCheck.ChainReport::events).sum(),
                    broken.isEmpty(), broken);
        }
    }
}
