package io.pricewar.scraper.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Reads every table a selector matches into one {@link Collector}; the first table that is not
 * shaped as its rule expects makes the whole page a layout change, never a partial reading.
 */
final class EachTable {

    /** An element with nothing in it, for {@link #select} to end with. */
    private static final Element EMPTY = new Element("template");

    /** Reads one table into the collector; returns what is wrong with its shape, or null. */
    @FunctionalInterface
    interface Reader {
        String read(Element table, Announcement.Finder announcements, Collector collector);
    }

    private EachTable() {
    }

    static Extraction extract(Document page, String selector, String vendor, Vocabulary vocabulary, Reader reader) {
        Elements tables = select(page, selector);
        if (tables.isEmpty()) {
            return Extraction.layoutChanged("no element matches '" + selector + "'");
        }
        Collector collector = new Collector(vendor, vocabulary);
        Announcement.Finder announcements = new Announcement.Finder(tables);
        for (Element table : tables) {
            String problem = reader.read(table, announcements, collector);
            if (problem != null) {
                return Extraction.layoutChanged(problem);
            }
        }
        return collector.finish();
    }

    /**
     * As {@code page.select(selector)}: the same elements in the same order, found by walking the
     * page's elements only. jsoup's own walk visits every node (text too) through an iterator
     * and a stream, and on a large page that walk was a good share of the extraction.
     */
    static Elements select(Document page, String selector) {
        Evaluator evaluator = Selector.evaluatorOf(selector);
        Elements found = new Elements();
        for (Element e = page; e != null; e = next(e, page)) {
            if (evaluator.matches(page, e)) {
                found.add(e);
            }
        }
        // jsoup clears an evaluator's per-thread memo of the page (kept by ":has", "a b" and the
        // like) at the end of each of its own selects: one over an empty element does that here.
        org.jsoup.select.Collector.collect(evaluator, EMPTY);
        return found;
    }

    /** The element after {@code e} in document order, within {@code root}; null at the end. */
    private static Element next(Element e, Element root) {
        Element child = e.firstElementChild();
        if (child != null) {
            return child;
        }
        for (Element at = e; at != root && at != null; at = at.parent()) {
            Element sibling = at.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }
}
