package io.pricewar.scraper.extract;

import java.util.Map;

/**
 * What the last reading of one source's page worked out, for the next reading to reuse: the
 * reading (or refusal) of each cell text under each context. A page that changed since the last
 * scrape still says almost everything it said before, so a reading works out only what is new.
 *
 * <p>It holds one reading's worth: each reading replaces it with its own, so it never grows past
 * the texts of one page. A reading's result does not depend on it; it only saves the work.
 * Readings of one source run one at a time; should two overlap, the last one to finish is kept.
 */
public final class Vocabulary {

    /** The last reading's: what it worked out, and how many points it found, one snapshot. */
    private record Last(Map<PriceNotation.Context, Map<String, Object>> readings, int points) {
    }

    private volatile Last last;

    public Vocabulary() {
        this(new Last(Map.of(), 0));
    }

    private Vocabulary(Last last) {
        this.last = last;
    }

    /** A vocabulary that starts where this one is, and that readings with it do not change. */
    public Vocabulary copy() {
        return new Vocabulary(last);
    }

    /** The readings of the last page under the context; never changed once remembered. */
    Map<String, Object> readings(PriceNotation.Context context) {
        return last.readings().getOrDefault(context, Map.of());
    }

    /** How many points the last reading found: what the next one sizes its tables for. */
    int points() {
        return last.points();
    }

    /** How many distinct texts the last reading read, over all contexts. */
    public int size() {
        return last.readings().values().stream().mapToInt(Map::size).sum();
    }

    void remember(Map<PriceNotation.Context, Map<String, Object>> readings, int points) {
        last = new Last(readings, points);
    }
}
