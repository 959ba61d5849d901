package io.pricewar.scraper.diff;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.scraper.extract.ExtractedPrice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 *       {@link SafetyRules#delistAfter()} consecutive readings without it;</li>
 *   <li>an implausible change ({@link Plausibility}) is held, and published only when a re-scrape
 *       at least {@link SafetyRules#confirmAfter()} later reads the same price; a real drop to
 *       free goes through that way.</li>
 * </ul>
 * The counts and holds live in memory: after a restart or a takeover they start again, which
 * delays a delisting or a confirmation, never invents one. One instance per source; the runner
 * calls it for one run at a time.
 */
public final class Safeguard {

    /** A change waiting for confirmation: the price read, since when, and why it was held. */
    public record Hold(PricePointId pointId, PriceChanged candidate, Instant since, String reason) {
    }

    /** What a run may publish; a layout problem means nothing at all. */
    public record Verdict(String layoutProblem, List<PriceEvent> events, List<Hold> held) {

        static Verdict layoutChanged(String problem) {
            return new Verdict(problem, List.of(), List.of());
        }

        public boolean layoutChanged() {
            return layoutProblem != null;
        }
    }

    private final SafetyRules rules;
    private final Plausibility plausibility;
    private final Map<PricePointId, Integer> missingRuns = new HashMap<>();
    private final Map<PricePointId, Hold> holds = new HashMap<>();

    public Safeguard(SafetyRules rules) {
        this.rules = rules;
        this.plausibility = new Plausibility(rules);
    }

    public synchronized Verdict judge(PriceBook book, List<ExtractedPrice> prices, Evidence page) {
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
            Set<PricePointId> present = prices.stream().map(ExtractedPrice::pointId).collect(Collectors.toSet());
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
        Hold hold = holds.get(change.pointId());
        if (hold != null && hold.candidate().newPrice().sameAs(change.newPrice())) {
            if (!now.isBefore(hold.since().plus(rules.confirmAfter()))) {
                holds.remove(change.pointId());
                events.add(candidate);
            }
            return;
        }
        holds.put(change.pointId(), new Hold(change.pointId(), change, now, doubt.get()));
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
