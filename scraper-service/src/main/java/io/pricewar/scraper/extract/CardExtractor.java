package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads prose price cards (OpenAI, Anthropic) with a {@link CardRule}. */
public final class CardExtractor {

    private static final Pattern PERCENT_OFF = Pattern.compile("(\\d{1,2}(?:\\.\\d+)?)\\s*%\\s*(off|discount|折扣|优惠)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CardExtractor() {
    }

    public static Extraction extract(Document page, String vendor, CardRule rule, PriceNotation.Context pageContext) {
        return extract(page, vendor, rule, pageContext, new Vocabulary());
    }

    public static Extraction extract(Document page, String vendor, CardRule rule, PriceNotation.Context pageContext,
                                     Vocabulary vocabulary) {
        Elements cards = page.select(rule.card());
        if (cards.isEmpty()) {
            return Extraction.layoutChanged("no element matches '" + rule.card() + "'");
        }
        Collector collector = new Collector(vendor, vocabulary);
        Announcement.Finder announcements = new Announcement.Finder(cards);
        for (Element card : cards) {
            Element name = card.selectFirst(rule.model());
            if (name == null || name.text().isBlank()) {
                return Extraction.layoutChanged("a card has no model name at '" + rule.model() + "'");
            }
            readCard(page, card, name.text().strip(), rule, pageContext, announcements.above(card), collector);
        }
        return collector.finish();
    }

    private static void readCard(Document page, Element card, String model, CardRule rule,
                                 PriceNotation.Context pageContext, Announcement announcement,
                                 Collector collector) {
        List<Discount> discounts = discounts(page, card, model, rule, collector);
        for (Element line : card.select(rule.line())) {
            Element value = line.selectFirst(rule.value());
            if (value == null) {
                continue;
            }
            String label = line.text().replace(value.text(), " ");
            List<String> meters = Labels.longestMatches(rule.meters(), label);
            if (meters.size() > 1) {
                collector.reject(model, String.join(",", meters), line.text(), "the line's label matches more than one meter");
            } else if (meters.size() == 1) {
                String cellText = value.text().strip();
                ExtractedPrice read = collector.cell(model, meters.getFirst(), PricePointId.STANDARD_TIER, cellText,
                        pageContext, announcement);
                if (read != null) {
                    discounts.forEach(d -> collector.priced(model, meters.getFirst(), d.tier(), d.apply(read.price()),
                            cellText + " · " + d.note(), announcement));
                } else {
                    // The discounted tiers are priced from this cell: they are as unreadable as it is.
                    discounts.forEach(d -> collector.unreadable(model, meters.getFirst(), d.tier()));
                }
            }
        }
    }

    /** A tier priced at a share of the standard price, and the note it was read from. */
    private record Discount(String tier, BigDecimal percentOff, String note) {
        Price apply(Price price) {
            BigDecimal share = HUNDRED.subtract(percentOff).movePointLeft(2);
            return new Price(price.amount().multiply(share), price.currency(), price.unit());
        }
    }

    private static List<Discount> discounts(Document page, Element card, String model, CardRule rule,
                                            Collector collector) {
        List<Discount> discounts = new ArrayList<>();
        for (Map.Entry<String, String> tier : rule.discounts().entrySet()) {
            Element note = card.selectFirst(tier.getValue());
            note = note != null ? note : page.selectFirst(tier.getValue());
            if (note == null) {
                continue; // no such offer on the page (any more): the tier's points are simply not seen
            }
            String text = note.text().strip();
            Matcher m = PERCENT_OFF.matcher(PriceNotation.normalize(text));
            if (!m.find() || m.find(m.end())) {
                collector.reject(model, tier.getKey(), text, "a discount note must name exactly one 'N% off'");
                rule.meters().keySet().forEach(meter -> collector.unreadable(model, meter, tier.getKey()));
                continue;
            }
            m.reset().find();
            discounts.add(new Discount(tier.getKey(), new BigDecimal(m.group(1)), text));
        }
        return discounts;
    }
}
