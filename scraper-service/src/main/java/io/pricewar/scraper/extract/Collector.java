package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gathers what the readers find on one page. A point shown twice with the same price is kept
 * once; shown twice with different prices it is ambiguous, and both cells are rejected rather
 * than one picked.
 */
final class Collector {

    private final String vendor;
    private final Map<Shown, ExtractedPrice> byPoint;
    /** The further readings of a point shown more than once; most pages show each point once. */
    private final Map<Shown, List<ExtractedPrice>> repeats = new HashMap<>();
    private final List<RejectedCell> rejected = new ArrayList<>();
    /** The points shown whose price could not be read: see {@link Extraction#unreadable()}. */
    private final Set<PricePointId> unreadable = new LinkedHashSet<>();
    /** A page repeats the same vendor, meters, tiers and each model's name: slugged once each. */
    private final Map<String, String> slugs = new HashMap<>();
    /** The vendor's slug, once worked out: it is part of every point id of the page. */
    private String vendorSlug;
    /** Each distinct cell text's reading (or refusal) under each context, by {@link Meter#read}. */
    private final Map<PriceNotation.Context, Map<String, Object>> readings = new HashMap<>();

    /** What the source's last reading worked out; this one's replaces it when it finishes. */
    private final Vocabulary vocabulary;

    Collector(String vendor) {
        this(vendor, new Vocabulary());
    }

    Collector(String vendor, Vocabulary vocabulary) {
        this.vendor = vendor;
        this.vocabulary = vocabulary;
        // Sized for as many points as the last reading found: a large page grows no table as it goes.
        this.byPoint = LinkedHashMap.newLinkedHashMap(vocabulary.points());
    }

    /**
     * A meter as one block of a page shows it: its name, and the context its cells are read
     * under (the header's currency and unit over the page's). Worked out once per column of a
     * table, not once per cell.
     */
    Meter meter(String name, PriceNotation.Context context) {
        String slug;
        try {
            slug = slug(name);
        } catch (IllegalArgumentException e) {
            slug = null; // each of its cells is rejected with the reason, as a cell of any other bad name
        }
        Map<String, Object> lastTime = vocabulary.readings(context);
        return new Meter(name, slug, readings.computeIfAbsent(context, c -> HashMap.newHashMap(lastTime.size())),
                lastTime, context);
    }

    /** Reads one cell; a cell that cannot be read is rejected with the reason. */
    ExtractedPrice cell(String model, String meter, String tier, String cellText, PriceNotation.Context context,
                        Announcement announcement) {
        return cell(model, meter(meter, context), tier, cellText, announcement);
    }

    /** As {@link #cell(String, String, String, String, PriceNotation.Context, Announcement)}, for a meter known already. */
    ExtractedPrice cell(String model, Meter meter, String tier, String cellText, Announcement announcement) {
        if (announcement.unreadable()) {
            reject(model, meter.name(), cellText, announcement.problem());
            unreadable(model, meter.name(), tier);
            return null;
        }
        try {
            PriceNotation.Reading reading = meter.read(cellText);
            return add(new ExtractedPrice(pointId(model, meter, tier), reading.price(), cellText,
                    reading.promotion(), announcement.effectiveFrom()));
        } catch (IllegalArgumentException e) {
            reject(model, meter.name(), cellText, e.getMessage());
            unreadable(model, meter.name(), tier);
            return null;
        }
    }

    /**
     * A meter's name and context, with the readings of every text read under that context on
     * this page: a page writes the same few prices in the same few ways thousands of times, so
     * each distinct text is read (or refused) once, and not at all when the source's last
     * reading read it already.
     */
    record Meter(String name, String slug, Map<String, Object> readings, Map<String, Object> lastTime,
                 PriceNotation.Context context) {

        PriceNotation.Reading read(String cellText) {
            Object known = readings.get(cellText);
            if (known == null) {
                known = lastTime.get(cellText);
                if (known == null) {
                    try {
                        known = PriceNotation.read(cellText, context);
                    } catch (IllegalArgumentException e) {
                        known = e;
                    }
                }
                readings.put(cellText, known);
            }
            if (known instanceof IllegalArgumentException refused) {
                throw refused;
            }
            return (PriceNotation.Reading) known;
        }
    }

    /** A price computed, not read (a batch tier from a discount note); the evidence names both texts. */
    ExtractedPrice priced(String model, String meter, String tier, Price price, String evidence,
                          Announcement announcement) {
        try {
            return add(new ExtractedPrice(pointId(model, meter, tier), price, evidence, false,
                    announcement.effectiveFrom()));
        } catch (IllegalArgumentException e) {
            reject(model, meter, evidence, e.getMessage());
            unreadable(model, meter, tier);
            return null;
        }
    }

    ExtractedPrice add(ExtractedPrice price) {
        Shown shown = new Shown(price.pointId(), price.effectiveFrom());
        if (byPoint.putIfAbsent(shown, price) != null) {
            repeats.computeIfAbsent(shown, k -> new ArrayList<>(2)).add(price);
        }
        return price;
    }

    /** As {@link PricePointId#of}, in the same order, so a name that cannot be slugged fails alike. */
    private PricePointId pointId(String model, String meter, String tier) {
        return new PricePointId(vendorSlug(), slug(model), slug(meter), slug(tier));
    }

    /** As {@link #pointId(String, String, String)}, with the meter's slug worked out already. */
    private PricePointId pointId(String model, Meter meter, String tier) {
        return new PricePointId(vendorSlug(), slug(model), meter.slug() != null ? meter.slug() : slug(meter.name()),
                slug(tier));
    }

    private String vendorSlug() {
        if (vendorSlug == null) {
            vendorSlug = slug(vendor);
        }
        return vendorSlug;
    }

    private String slug(String name) {
        if (PricePointId.isOwnSlug(name)) {
            return name; // as cheap to see as to look up, and most model names are
        }
        String known = slugs.get(name);
        if (known == null) {
            known = PricePointId.slug(name);
            slugs.put(name, known);
        }
        return known;
    }

    /** A point as of the date it is shown for: today's price and an announced one are different readings. */
    private record Shown(PricePointId pointId, Instant effectiveFrom) {

        // Written out, as PricePointId's are: one lookup per price of the page.
        @Override
        public boolean equals(Object o) {
            return o instanceof Shown other && pointId.equals(other.pointId)
                    && Objects.equals(effectiveFrom, other.effectiveFrom);
        }

        @Override
        public int hashCode() {
            return pointId.hashCode() * 31 + Objects.hashCode(effectiveFrom);
        }
    }

    void reject(String model, String meter, String cellText, String reason) {
        rejected.add(new RejectedCell(model, meter, cellText, reason));
    }

    /** A cell of a known point that could not be read: rejected, and the point counts as shown. */
    void reject(String model, String meter, String tier, String cellText, String reason) {
        reject(model, meter, cellText, reason);
        unreadable(model, meter, tier);
    }

    /**
     * The point the page shows but whose price could not be read. Names that make no point id are
     * left out: no point the book knows can have them.
     */
    void unreadable(String model, String meter, String tier) {
        try {
            unreadable.add(pointId(model, meter, tier));
        } catch (IllegalArgumentException e) {
            // already rejected with its reason
        }
    }

    Extraction finish() {
        List<ExtractedPrice> prices = new ArrayList<>(byPoint.size());
        for (Map.Entry<Shown, ExtractedPrice> point : byPoint.entrySet()) {
            ExtractedPrice first = point.getValue();
            List<ExtractedPrice> more = repeats.isEmpty() ? List.of() : repeats.getOrDefault(point.getKey(), List.of());
            if (allAlike(first, more)) {
                prices.add(first);
            } else {
                List<ExtractedPrice> shown = new ArrayList<>(more.size() + 1);
                shown.add(first);
                shown.addAll(more);
                shown.forEach(p -> reject(p.pointId().model(), p.pointId().meter(), p.cellText(),
                        "the page shows " + shown.size() + " different prices for " + p.pointId()));
                unreadable.add(first.pointId());
            }
        }
        vocabulary.remember(readings, byPoint.size());
        return new Extraction(List.copyOf(prices), List.copyOf(rejected), Set.copyOf(unreadable), null);
    }

    private static boolean allAlike(ExtractedPrice first, List<ExtractedPrice> more) {
        for (ExtractedPrice p : more) {
            if (!p.price().sameAs(first.price()) || p.promotion() != first.promotion()) {
                return false;
            }
        }
        return true;
    }
}
