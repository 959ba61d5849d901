package io.pricewar.scraper.diff;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.events.ScrapeHealth.Held;
import io.pricewar.events.ScrapeHealth.Missing;
import io.pricewar.scraper.extract.ExtractedPrice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stands between a page's diff and the log for one source, so that a broken reading never
 * becomes a recorded fact:
 * <ul>
 *   <li>a page showing most of its known points no more, or showing the same prices on other
 *       points (columns moved), is a layout change: nothing at all is published;</li>
 *   <li>a point missing from an otherwise healthy page is delisted only after
 *       {@link SafetyRules#delistAfter()} consecutive readings without it; a point the page still
 *       shows, but with a price that cannot be read, is not missing (a parse failure is never a
 *       withdrawal);</li>
 *   <li>an implausible change ({@link Plausibility}) is held, and published only when a re-scrape
 *       at least {@link SafetyRules#confirmAfter()} later reads the same price; a real drop to
 *       free goes through that way.</li>
 * </ul>
 * What it waits on ({@link #missing()}, {@link #held()}) goes out on every run's
 * {@code scrape-health} record, and a replica that starts or takes the source over begins from
 * the last one ({@link #Safeguard(SafetyRules, List, List)}), so a restart neither counts a
 * missing point again from one nor holds a change anew. Lost state (a record that never made it)
 * only delays a delisting or a confirmation, never invents one. One instance per source; the
 * runner calls it for one run at a time.
 */
public final class Safeguard {

    /** What a run may publish; a layout problem means nothing at all. */
    public record Verdict(String layoutProblem, List<PriceEvent> events, List<Held> held) {

        static Verdict layoutChanged(String problem) {
            return new Verdict(problem, List.of(), List.of());
        }

        public boolean layoutChanged() {
            return layoutProblem != null;
        }
    }

    private final SafetyRules rules;
    private final Plausibility plausibility;
    private final Map<PricePointId, Integer> missingRuns = new LinkedHashMap<>();
    private final Map<PricePointId, Held> holds = new LinkedHashMap<>();

    public Safeguard(SafetyRules rules) {
        this(rules, List.of(), List.of());
    }

    /** Carries on from what a source's safeguard waited on when its last run ended. */
    public Safeguard(SafetyRules rules, List<Missing> missing, List<Held> held) {
        this.rules = rules;
        this.plausibility = new Plausibility(rules);
        missing.forEach(m -> missingRuns.put(m.pointId(), m.runs()));
        held.forEach(h -> holds.put(h.pointId(), h));
    }

    /** The points counted towards their delisting, with their counts. */
    public synchronized List<Missing> missing() {
        List<Missing> missing = new ArrayList<>(missingRuns.size());
        missingRuns.forEach((id, runs) -> missing.add(new Missing(id, runs)));
        return missing;
    }

    /** The changes held for confirmation. */
    public synchronized List<Held> held() {
        return List.copyOf(holds.values());
    }

    /** As {@link #judge(PriceBook, List, Set, Evidence)}, for a page whose every shown point was read. */
    public Verdict judge(PriceBook book, List<ExtractedPrice> prices, Evidence page) {
        return judge(book, prices, Set.of(), page);
    }

    /**
     * What a page's reading may publish.
     *
     * @param unreadable points the page shows whose price could not be read: not missing, so
     *                   never delisted, and not changed either
     */
    public synchronized Verdict judge(PriceBook book, List<ExtractedPrice> prices, Set<PricePointId> unreadable,
                                      Evidence page) {
        PageDiff.Comparison diff = PageDiff.compare(book, prices, page.url(), page.fetchedAt(), page.sha256());
        List<PriceEvent> candidates = diff.events();
        int expected = book.countListedFrom(page.url());
        Optional<String> problem = Shape.problem(expected, diff.shownAgain(), candidates, rules);
        if (problem.isPresent()) {
            return Verdict.layoutChanged(problem.get());
        }
        List<PriceEvent> events = new ArrayList<>();
        candidates.forEach(candidate -> passOrHold(candidate, page.fetchedAt(), events));
        if (!holds.isEmpty()) {
            holds.keySet().retainAll(candidatesIds(candidates));
        }
        if (diff.shownAgain() == expected) {
            missingRuns.clear(); // every point of the last reading is back: no count runs on
        } else {
            Set<PricePointId> present = prices.stream().map(ExtractedPrice::pointId)
                    .collect(Collectors.toCollection(HashSet::new));
            present.addAll(unreadable);
            events.addAll(delistings(book, book.listedFrom(page.url()), present, page));
        }
        return new Verdict(null, events, List.copyOf(holds.values()));
    }

    /** When the earliest held change may be confirmed, so the scheduler can re-scrape then. */
    public synchronized Optional<Instant> confirmationDue() {
        return holds.values().stream().map(h -> h.since().plus(rules.confirmAfter())).min(Instant::compareTo);
    }

    private void passOrHold(PriceEvent candidate, Instant now, List<PriceEvent> events) {
        if (!(candidate instanceof PriceChanged change)) {
            events.add(candidate);
            return;
        }
        Optional<String> doubt = plausibility.doubt(change.previousPrice(), change.newPrice());
        if (doubt.isEmpty()) {
            events.add(candidate);
            return;
        }
        Held hold = holds.get(change.pointId());
        if (hold != null && hold.price().sameAs(change.newPrice())) {
            if (!now.isBefore(hold.since().plus(rules.confirmAfter()))) {
                holds.remove(change.pointId());
                events.add(candidate);
            }
            return;
        }
        holds.put(change.pointId(), new Held(change.pointId(), change.newPrice(), now, doubt.get()));
    }

    private static Set<PricePointId> candidatesIds(List<PriceEvent> candidates) {
        return candidates.stream().map(PriceEvent::pointId).collect(Collectors.toSet());
    }

    private List<PriceEvent> delistings(PriceBook book, Set<PricePointId> expected, Set<PricePointId> present,
                                        Evidence page) {
        missingRuns.keySet().retainAll(expected);
        List<PriceEvent> delisted = new ArrayList<>();
        for (PricePointId id : expected) {
            if (present.contains(id)) {
                missingRuns.remove(id);
                continue;
            }
            int runs = missingRuns.merge(id, 1, Integer::sum);
            if (runs >= rules.delistAfter()) {
                missingRuns.remove(id);
                PriceBook.PointState known = book.get(id).orElseThrow();
                delisted.add(PriceEvents.delisted(known.head(), known.price(), Observation.now(page.fetchedAt(),
                        new Evidence(page.url(), page.fetchedAt(), page.sha256(), ""))));
            }
        }
        return delisted;
    }
}
