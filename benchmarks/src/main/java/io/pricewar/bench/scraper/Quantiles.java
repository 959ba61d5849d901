package io.pricewar.bench.scraper;

import java.util.Arrays;

/** Percentiles of the per-run figures the by-turns measurements keep (no interpolation: a run's own value). */
final class Quantiles {

    private Quantiles() {
    }

    /** The percentile of times in nanoseconds, in milliseconds. */
    static double millis(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[index(sorted.length, percent)] / 1e6;
    }

    /** The percentile of ratios. */
    static double of(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[index(sorted.length, percent)];
    }

    private static int index(int length, int percent) {
        return Math.min(length - 1, length * percent / 100);
    }
}
