package io.pricewar.scraper.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Matching a label ("1M INPUT TOKENS (CACHE HIT)", "Cached input") to the names a rule gives fragments for. */
final class Labels {

    private Labels() {
    }

    /**
     * The names whose fragment is the longest found in the label, without regard to case: one,
     * none, or a tie, which the caller treats as ambiguous.
     */
    static List<String> longestMatches(Map<String, String> fragments, String label) {
        String text = label.toLowerCase(Locale.ROOT);
        int longest = 0;
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> entry : fragments.entrySet()) {
            String fragment = entry.getValue().toLowerCase(Locale.ROOT);
            if (fragment.isEmpty() || !text.contains(fragment) || fragment.length() < longest) {
                continue;
            }
            if (fragment.length() > longest) {
                found.clear();
                longest = fragment.length();
            }
            found.add(entry.getKey());
        }
        return found;
    }

    static Optional<String> only(Map<String, String> fragments, String label) {
        List<String> found = longestMatches(fragments, label);
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }
}
