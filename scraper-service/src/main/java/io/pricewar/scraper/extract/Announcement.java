package io.pricewar.scraper.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice above a price block that announces it for a later date ("From 16:00 UTC on Sept 5th,
 * 2025, we will apply the following price list", "北京时间2025年9月6日00:00起生效"). A block under
 * such a notice holds tomorrow's prices, not today's; a notice whose instant cannot be read
 * unambiguously (no time zone, two dates) leaves its prices unread rather than taken as today's.
 *
 * @param effectiveFrom the announced instant, or null when the block is today's
 * @param problem       why a notice was found but not read, or null
 */
record Announcement(Instant effectiveFrom, String problem) {

    static final Announcement NONE = new Announcement(null, null);

    private static final int LEVELS = 3;
    private static final int SIBLINGS = 3;
    /**
     * Every wording {@link #NOTICE} knows holds one of these, so a text holding none of them is
     * no notice and is not run through that pattern: most texts above a table are headings and
     * prose, and trying each wording at each of their characters was a share of reading a page.
     */
    private static final List<String> CUES = List.of("will", "effect", "起", "生效", "调整");
    private static final Pattern NOTICE = Pattern.compile(
            "will apply|will be applied|will take effect|takes effect|will change|effective (from|on|as of)"
                    + "|日\\s*起|时\\s*起|\\d\\s*起|生效|将调整|调整为");
    private static final Pattern ENGLISH_DATE = Pattern.compile(
            "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern TIME = Pattern.compile("(?<![\\d:])(\\d{1,2}):(\\d{2})(?![\\d:])");
    private static final Pattern ZONE = Pattern.compile("(utc|gmt)\\s*([+-]\\s*\\d{1,2})?(?![a-z])|北京时间|beijing time");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /**
     * The notices of one page's blocks. It knows every block the rule matched and every element
     * holding one, found once per page by walking up from each block; asking a sibling
     * {@code select(selector)} instead walked the whole of each earlier section again, once per
     * block, and on a page of many tables that was a good share of the extraction.
     */
    static final class Finder {
        private final Set<Element> blocksAndHolders = Collections.newSetFromMap(new IdentityHashMap<>());

        Finder(Elements blocks) {
            for (Element block : blocks) {
                for (Element e = block; e != null && blocksAndHolders.add(e); e = e.parent()) {
                    // up to the first element already known: its ancestors are known too
                }
            }
        }

        /**
         * Looks for a notice just above {@code block}: in its previous siblings, then in those of
         * its parents, stopping at anything that is or holds another block, whose notice that would be.
         */
        Announcement above(Element block) {
            Element level = block;
            for (int up = 0; up < LEVELS && level != null; up++) {
                Element sibling = level.previousElementSibling();
                for (int n = 0; n < SIBLINGS && sibling != null; n++) {
                    if (blocksAndHolders.contains(sibling)) {
                        return NONE;
                    }
                    String text = PriceNotation.normalize(sibling.text());
                    if (isNotice(text)) {
                        return read(text);
                    }
                    sibling = sibling.previousElementSibling();
                }
                level = level.parent();
            }
            return NONE;
        }
    }

    /** Whether a normalized text announces a price for a later date. */
    static boolean isNotice(String text) {
        for (String cue : CUES) {
            if (text.contains(cue)) {
                return NOTICE.matcher(text).find();
            }
        }
        return false;
    }

    /** Reads the instant of one notice's normalized text. */
    static Announcement read(String text) {
        List<LocalDate> dates = dates(text);
        if (dates.size() != 1) {
            return unreadable(text, dates.isEmpty() ? "names no date" : "names more than one date");
        }
        Matcher zone = ZONE.matcher(text);
        if (!zone.find()) {
            return unreadable(text, "names no time zone");
        }
        Matcher time = TIME.matcher(text);
        LocalTime at = LocalTime.MIDNIGHT;
        try {
            if (time.find()) {
                at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
                if (time.find()) {
                    return unreadable(text, "names more than one time");
                }
            }
            return new Announcement(dates.getFirst().atTime(at).toInstant(offset(zone)), null);
        } catch (DateTimeException e) {
            return unreadable(text, e.getMessage());
        }
    }

    private static List<LocalDate> dates(String text) {
        List<LocalDate> dates = new ArrayList<>();
        try {
            for (Matcher m = ENGLISH_DATE.matcher(text); m.find(); ) {
                dates.add(LocalDate.of(year(m.group(3)), MONTHS.indexOf(m.group(1)) + 1, Integer.parseInt(m.group(2))));
            }
            for (Pattern numeric : List.of(ISO_DATE, CHINESE_DATE)) {
                for (Matcher m = numeric.matcher(text); m.find(); ) {
                    dates.add(LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                }
            }
        } catch (DateTimeException e) {
            return List.of();
        }
        return dates;
    }

    private static int year(String digits) {
        return Integer.parseInt(digits);
    }

    private static ZoneOffset offset(Matcher zone) {
        if (zone.group(1) == null) {
            return ZoneOffset.ofHours(8);
        }
        String hours = zone.group(2);
        return hours == null ? ZoneOffset.UTC : ZoneOffset.ofHours(Integer.parseInt(hours.replace(" ", "")));
    }

    private static Announcement unreadable(String text, String why) {
        return new Announcement(null, "the notice '" + text + "' announces a price but " + why);
    }

    boolean unreadable() {
        return problem != null;
    }
}
