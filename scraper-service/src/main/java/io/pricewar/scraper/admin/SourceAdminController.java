package io.pricewar.scraper.admin;

import io.pricewar.scraper.assign.SourceAssignment;
import io.pricewar.scraper.assign.SourceCodec;
import io.pricewar.scraper.assign.SourceDirectory;
import io.pricewar.scraper.assign.SourcePublisher;
import io.pricewar.scraper.assign.SourceRecord;
import io.pricewar.scraper.run.LastRuns;
import io.pricewar.scraper.source.Source;
import io.pricewar.scraper.source.SourceValidator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/sources}: every source with its last run and health; add or change one (PUT),
 * disable or enable it, and ask for a scrape now. Writes go to {@code scraper-sources} and take
 * effect on every replica as it reads them; a scrape request is run by the replica that owns the
 * source, hence 202 Accepted.
 *
 * <p>A definition's fields may be named as GET shows them ({@code modelColumn}) or as
 * {@code scraper.yml} and the problem messages spell them ({@code model-column}). A field a source
 * does not have is a problem like any other, not dropped: "intervall" must not pass as the default.
 */
@RestController
@RequestMapping(AdminKeyFilter.PATHS)
class SourceAdminController {

    private final SourceDirectory directory;
    private final SourceAssignment assignment;
    private final SourcePublisher publisher;
    private final LastRuns runs;
    private final Clock clock;

    SourceAdminController(SourceDirectory directory, SourceAssignment assignment, SourcePublisher publisher,
                          LastRuns runs, Clock clock) {
        this.directory = directory;
        this.assignment = assignment;
        this.publisher = publisher;
        this.runs = runs;
        this.clock = clock;
    }

    @GetMapping
    List<SourceView> list() {
        return directory.all().stream().map(this::view).sorted(Comparator.comparing(SourceView::id)).toList();
    }

    @GetMapping("/{id}")
    SourceView one(@PathVariable String id) {
        return view(known(id));
    }

    /** No body at all is answered like a {@code null} one, as a problem detail rather than WebFlux's own 400. */
    @PutMapping("/{id}")
    Mono<ResponseEntity<Source>> put(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SourceCodec.Posted posted = parse(body);
        Source source = posted.source();
        List<String> problems = new ArrayList<>();
        posted.unknownFields().forEach(field -> problems.add(field + " is not a field of a source"));
        problems.addAll(SourceValidator.validate(source));
        if (source.id() != null && !source.id().equals(id)) {
            problems.add("id '" + source.id() + "' in the body differs from '" + id + "' in the path");
        }
        if (!problems.isEmpty()) {
            throw new SourceProblems.InvalidSource(problems);
        }
        HttpStatus status = directory.find(id).isPresent() ? HttpStatus.OK : HttpStatus.CREATED;
        return publisher.publish(new SourceRecord(source, SourceRecord.ADMIN, null))
                .map(published -> ResponseEntity.status(status).body(published.source()));
    }

    @PostMapping("/{id}/disable")
    Mono<Source> disable(@PathVariable String id) {
        return switchTo(id, false);
    }

    @PostMapping("/{id}/enable")
    Mono<Source> enable(@PathVariable String id) {
        return switchTo(id, true);
    }

    @PostMapping("/{id}/scrape")
    Mono<ResponseEntity<SourceView>> scrapeNow(@PathVariable String id) {
        SourceDirectory.Entry entry = known(id);
        return publisher.publish(entry.record().withScrapeRequestedAt(clock.instant()))
                .map(published -> ResponseEntity.accepted().body(view(new SourceDirectory.Entry(published, entry.partition()))));
    }

    private Mono<Source> switchTo(String id, boolean enabled) {
        Source s = known(id).record().source();
        Source switched = new Source(s.id(), s.vendor(), s.url(), s.interval(), s.cron(), s.currency(), enabled,
                s.table(), s.columns(), s.cards(), s.feed());
        return publisher.publish(new SourceRecord(switched, SourceRecord.ADMIN, null)).map(SourceRecord::source);
    }

    private SourceDirectory.Entry known(String id) {
        return directory.find(id).orElseThrow(() -> new SourceProblems.UnknownSource(id));
    }

    private SourceView view(SourceDirectory.Entry entry) {
        String id = entry.record().source().id();
        return SourceView.of(entry.record(), assignment.partitions().contains(entry.partition()), runs.of(id).orElse(null));
    }

    private static SourceCodec.Posted parse(byte[] body) {
        SourceCodec.Posted posted;
        try {
            posted = body == null ? null : SourceCodec.readPosted(body);
        } catch (JacksonException e) {
            throw new SourceProblems.InvalidSource(List.of(fieldOf(e) + e.getOriginalMessage()));
        }
        if (posted == null || posted.source() == null) {
            throw new SourceProblems.InvalidSource(List.of("the body must be a source definition, a JSON object"));
        }
        return posted;
    }

    private static String fieldOf(JacksonException e) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "unreadable source definition: " : path + ": ";
    }
}
