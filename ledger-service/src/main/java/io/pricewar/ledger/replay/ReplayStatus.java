package io.pricewar.ledger.replay;

import java.time.Instant;

/**
 * Where a replay stands. {@code consumed} and {@code target} count records of the log, the
 * target being its end when the replay began (later records reach the new generation through
 * the live consumer after the switch).
 */
public record ReplayStatus(
        String id,
        State state,
        long generation,
        long liveGeneration,
        Instant startedAt,
        Instant finishedAt,
        long consumed,
        long target,
        long unreadable,
        Verification verification,
        String message) {

    public enum State { RUNNING, VERIFYING, SWITCHED, REJECTED, FAILED }

    public boolean active() {
        return state == State.RUNNING || state == State.VERIFYING;
    }

    public ReplayStatus withTarget(long records) {
        return new ReplayStatus(id, state, generation, liveGeneration, startedAt, finishedAt, consumed, records,
                unreadable, verification, message);
    }

    public ReplayStatus with(State next, long consumedNow, long unreadableNow, Verification checked, String why,
                             Instant finished) {
        return new ReplayStatus(id, next, generation, liveGeneration, startedAt, finished, consumedNow, target,
                unreadableNow, checked, why);
    }
}
