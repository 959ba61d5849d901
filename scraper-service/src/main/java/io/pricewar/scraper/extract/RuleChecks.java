package io.pricewar.scraper.extract;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import org.jsoup.select.Selector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks rules share, each adding a problem to a list rather than throwing at the first. */
final class RuleChecks {

    private RuleChecks() {
    }

    static void selector(List<String> problems, String name, String selector) {
        if (blank(selector)) {
            problems.add(name + " is missing");
            return;
        }
        try {
            Selector.evaluatorOf(selector);
        } catch (Selector.SelectorParseException e) {
            problems.add(name + " '" + selector + "' is not a CSS selector: " + e.getMessage());
        }
    }

    static void jsonPath(List<String> problems, String name, String path) {
        if (blank(path)) {
            problems.add(name + " is missing");
            return;
        }
        try {
            JsonPath.compile(path);
        } catch (InvalidPathException e) {
            problems.add(name + " '" + path + "' is not a JSONPath: " + e.getMessage());
        }
    }

    static void text(List<String> problems, String name, String value) {
        if (blank(value)) {
            problems.add(name + " is missing");
        }
    }

    /** Meter names become part of point ids, so they must be slugs already; each needs a fragment or path. */
    static void meters(List<String> problems, Map<String, String> meters) {
        if (meters.isEmpty()) {
            problems.add("meters: at least one meter is needed");
        }
        meters.forEach((meter, fragment) -> {
            if (!meter.matches("[a-z0-9][a-z0-9._+-]*")) {
                problems.add("meters: '" + meter + "' is not a lower-case slug ([a-z0-9._+-])");
            }
            if (blank(fragment)) {
                problems.add("meters." + meter + " is empty");
            }
        });
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Keeps the order the rule was written in, so extraction order is stable. */
    static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
