package io.pricewar.scraper.source;

import io.pricewar.scraper.extract.ExtractionRule;
import org.springframework.scheduling.support.CronExpression;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Says everything that is wrong with a source definition, each problem naming its field, so
 * that an operator (or the admin API's problem detail) can fix all of them at once.
 */
public final class SourceValidator {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._+-]*");

    private SourceValidator() {
    }

    public static List<String> validate(Source source) {
        List<String> problems = new ArrayList<>();
        if (source == null) {
            return List.of("the source is missing");
        }
        slug(problems, "id", source.id());
        slug(problems, "vendor", source.vendor());
        url(problems, source.url());
        if (source.interval().isNegative() || source.interval().isZero()) {
            problems.add("interval must be positive, was " + source.interval());
        }
        if (source.cron() != null && !CronExpression.isValidExpression(source.cron())) {
            problems.add("cron '" + source.cron() + "' is not a cron expression (second minute hour day month weekday)");
        }
        rule(problems, source);
        return List.copyOf(problems);
    }

    /** Throws with every problem of the source, for places where a bad definition must stop the start. */
    public static Source requireValid(Source source, String origin) {
        List<String> problems = validate(source);
        if (!problems.isEmpty()) {
            String id = source == null || source.id() == null ? "?" : source.id();
            throw new InvalidSourceException(origin + ": source " + id + ": " + String.join("; ", problems), problems);
        }
        return source;
    }

    private static void slug(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        } else if (!SLUG.matcher(value).matches()) {
            problems.add(field + " '" + value + "' must be a lower-case slug ([a-z0-9._+-])");
        }
    }

    private static void url(List<String> problems, String url) {
        if (url == null || url.isBlank()) {
            problems.add("url is missing");
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add("url '" + url + "' must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            problems.add("url '" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static void rule(List<String> problems, Source source) {
        List<ExtractionRule> rules = source.rules().toList();
        if (rules.size() != 1) {
            problems.add("exactly one rule is needed (table, columns, cards or feed), found " + rules.size());
        }
        rules.forEach(rule -> problems.addAll(rule.problems()));
        if (source.feed() != null && source.currency() == null) {
            problems.add("currency is missing: a JSON feed's prices do not name it");
        }
    }

    /** What {@link #requireValid} throws: the message for a log, the problems for a problem detail. */
    public static final class InvalidSourceException extends IllegalArgumentException {
        private final transient List<String> problems;

        InvalidSourceException(String message, List<String> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
