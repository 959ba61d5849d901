package io.pricewar.scraper.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads every table a selector matches into one {@link Collector}; the first table that is not
 * shaped as its rule expects makes the whole page a layout change, never a partial reading.
 */
final class EachTable {

    /** Reads one table into the collector; returns what is wrong with its shape, or null. */
    @FunctionalInterface
    interface Reader {
        String read(Element table, Announcement.Finder announcements, Collector collector);
    }

    private EachTable() {
    }

    static Extraction extract(Document page, String selector, String vendor, Reader reader) {
        Elements tables = page.select(selector);
        if (tables.isEmpty()) {
            return Extraction.layoutChanged("no element matches '" + selector + "'");
        }
        Collector collector = new Collector(vendor);
        Announcement.Finder announcements = new Announcement.Finder(tables);
        for (Element table : tables) {
            String problem = reader.read(table, announcements, collector);
            if (problem != null) {
                return Extraction.layoutChanged(problem);
            }
        }
        return collector.finish();
    }
}
