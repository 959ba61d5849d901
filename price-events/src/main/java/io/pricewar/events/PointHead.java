package io.pricewar.events;

import java.util.Objects;

/**
 * Where a point's chain stands: the seq and hash of its last event. The next event of the point
 * gets {@code seq + 1} and {@code prevHash = hash}. A point with no events stands at seq 0 with
 * the {@link #GENESIS_HASH}.
 */
public record PointHead(PricePointId pointId, long seq, String hash) {

    public static final String GENESIS_HASH = "0".repeat(64);

    public PointHead {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq cannot be negative: " + seq);
        }
    }

    public static PointHead genesis(PricePointId pointId) {
        return new PointHead(pointId, 0, GENESIS_HASH);
    }

    public boolean isGenesis() {
        return seq == 0;
    }
}
