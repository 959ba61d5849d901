package io.pricewar.bench.alert;

import io.pricewar.alert.matching.SubscriptionIndex;
import io.pricewar.alert.matching.SubscriptionMatcher;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PriceChanged;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Matching one price event against 100k subscriptions: the index the service uses, and the
 * plain scan it replaced, in one run. Each call judges a different event (cycling through 1,024
 * points), so no answer is cached between calls. Sample time gives the percentiles.
 *
 * <pre>bin/bench main io.pricewar.bench.alert.MatchingBenchmark   (prints p50, p99 and the ratio)</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingBenchmark {

    static final Instant APPENDED = AlertFixtures.CREATED.plusSeconds(86_400);

    @Param("100000")
    int subscriptions;

    /** broad: thousands of subscriptions fire per event; selective: tens (see AlertFixtures). */
    @Param({"broad", "selective"})
    String shape;

    List<Subscription> all;
    SubscriptionIndex index;
    List<PriceChanged> events;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        all = AlertFixtures.subscriptions(subscriptions, 42, "broad".equals(shape));
        index = SubscriptionIndex.build(all);
        events = AlertFixtures.drops(1024, 7);
    }

    @Benchmark
    public SubscriptionMatcher.Outcome indexed() {
        PriceChanged event = events.get(next++ & 1023);
        return SubscriptionMatcher.judge(event, APPENDED, index, FxRates.NONE);
    }

    @Benchmark
    public SubscriptionMatcher.Outcome scan() {
        PriceChanged event = events.get(next++ & 1023);
        return SubscriptionMatcher.scan(event, APPENDED, all, FxRates.NONE);
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, Double> firedPerEvent = new TreeMap<>();
        for (String shape : List.of("broad", "selective")) {
            MatchingBenchmark b = new MatchingBenchmark();
            b.subscriptions = 100_000;
            b.shape = shape;
            b.setUp();
            firedPerEvent.put(shape, b.events.stream().mapToInt(e -> SubscriptionMatcher.judge(e, APPENDED,
                    b.index, FxRates.NONE).count()).average().orElse(0));
        }
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MatchingBenchmark.class.getSimpleName()).build()).run();
        Map<String, double[]> figures = new TreeMap<>();
        for (RunResult result : results) {
            var stats = result.getPrimaryResult().getStatistics();
            String name = result.getParams().getParam("shape") + " "
                    + result.getParams().getBenchmark().replaceAll(".*\\.", "");
            figures.put(name, new double[]{stats.getPercentile(50), stats.getPercentile(99), stats.getMean()});
        }
        System.out.printf("%nmatching one event against 100,000 subscriptions (microseconds)%n");
        figures.forEach((name, f) -> System.out.printf("  %-18s p50 %10.3f   p99 %10.3f   mean %10.3f%n",
                name, f[0], f[1], f[2]));
        firedPerEvent.forEach((shape, fired) -> {
            double[] indexed = figures.get(shape + " indexed");
            double[] scan = figures.get(shape + " scan");
            System.out.printf("  %s (%.0f fire per event on average) scan / indexed: p50 %.0fx, p99 %.0fx, mean %.0fx%n",
                    shape, fired, scan[0] / indexed[0], scan[1] / indexed[1], scan[2] / indexed[2]);
        });
    }
}
