package io.pricewar.ledger.query.web;

import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.query.HistoryCsv;
import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;


/** Streams the export, so its size is bounded by the client, not by the ledger's heap. */
@RestController
@Tag(name = "export", description = "History as a file")
class HistoryExportController {

    static final String EXPORT = "/api/v1/history/export";

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final PriceQueries queries;

    HistoryExportController(PriceQueries queries) {
        this.queries = queries;
    }

    @GetMapping(value = EXPORT, params = "format=json")
    @Operation(summary = "History of the matching points observed in [from, to), as a JSON array")
    ResponseEntity<Flux<ExportEntryView>> json(@RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String vendor,
                                               @RequestParam(required = false) String model,
                                               @RequestParam(required = false) String meter,
                                               @RequestParam(required = false) String tier,
                                               @RequestParam(required = false) String currency) {
        var entries = entries(from, to, vendor, model, meter, tier, currency);
        return file("price-history.json", MediaType.APPLICATION_JSON, entries.map(ExportEntryView::of));
    }

    @GetMapping(value = EXPORT, params = "format!=json")
    @Operation(summary = "History of the matching points observed in [from, to), as CSV (RFC 4180)")
    ResponseEntity<Flux<String>> csv(@Parameter(description = "csv (default) or json")
                                     @RequestParam(defaultValue = "csv") String format,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String vendor,
                                     @RequestParam(required = false) String model,
                                     @RequestParam(required = false) String meter,
                                     @RequestParam(required = false) String tier,
                                     @RequestParam(required = false) String currency) {
        if (!"csv".equalsIgnoreCase(format)) {
            throw new InvalidParameterException("format", format, "must be csv or json");
        }
        var entries = entries(from, to, vendor, model, meter, tier, currency);
        return file("price-history.csv", CSV, Flux.concat(Flux.just(HistoryCsv.HEADER), entries.map(HistoryCsv::line)));
    }

    private Flux<HistoryEntry> entries(String from, String to, String vendor, String model, String meter,
                                       String tier, String currency) {
        TimeRange range = TimeRange.of(from, to);
        return queries.historyMatching(PriceFilter.of(vendor, model, meter, tier, currency), range);
    }

    private static <T> ResponseEntity<Flux<T>> file(String name, MediaType type, Flux<T> body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
