package io.pricewar.ledger.query;

import io.pricewar.ledger.projection.HistoryEntry;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One page of a point's history, in seq order, and the cursor for the next page (null on the
 * last). The cursor is opaque to callers; inside it is the last seq served, so pages stay
 * stable while new events arrive.
 */
public record HistoryPage(List<HistoryEntry> entries, String nextCursor) {

    public static final int MAX_LIMIT = 1000;

    public static String cursorAfter(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The seq a cursor points after; 0 for no cursor. */
    public static long afterSeq(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("seq:")) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(4));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("cursor", cursor, "is not a cursor this API issued");
        }
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return MAX_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidParameterException("limit", requested.toString(), "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
