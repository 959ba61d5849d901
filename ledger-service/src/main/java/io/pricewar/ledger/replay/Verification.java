package io.pricewar.ledger.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks a new generation must pass before it goes live.
 *
 * @param historyEntries      entries the new generation holds
 * @param historyExpected     distinct events the replay stored (its writes that were not duplicates)
 * @param currentPrices       points in the new generation
 * @param pointsSeen          distinct points the replay read
 * @param brokenChainsNew     points whose chain does not verify in the new generation
 * @param brokenChainsLive    the same in the live one, for comparison: a chain broken in the log
 *                            itself is broken in both, and is the log's fault, not the replay's
 * @param overlapChecksumNew  history checksum of the new generation up to the offsets both have read
 * @param overlapChecksumLive the same of the live generation
 */
public record Verification(
        long historyEntries,
        long historyExpected,
        long currentPrices,
        long pointsSeen,
        long brokenChainsNew,
        long brokenChainsLive,
        String overlapChecksumNew,
        String overlapChecksumLive) {

    /** What stops the switch; empty when the new generation may go live. */
    public List<String> problems(boolean acceptChecksumDifference) {
        List<String> problems = new ArrayList<>();
        if (historyEntries != historyExpected) {
            problems.add("history holds " + historyEntries + " entries, the replay stored " + historyExpected);
        }
        if (currentPrices != pointsSeen) {
            problems.add("current prices hold " + currentPrices + " points, the replay read " + pointsSeen);
        }
        if (brokenChainsNew > brokenChainsLive) {
            problems.add(brokenChainsNew + " broken chains in the new generation, " + brokenChainsLive + " in the live one");
        }
        if (!overlapChecksumNew.equals(overlapChecksumLive) && !acceptChecksumDifference) {
            problems.add("the history both generations hold differs (checksum " + overlapChecksumNew + " vs live "
                    + overlapChecksumLive + "); audit the live generation, then replay with force=true to replace it");
        }
        return problems;
    }
}
