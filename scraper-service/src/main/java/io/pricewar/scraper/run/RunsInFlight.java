package io.pricewar.scraper.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The runs started and not yet ended, so that a stop can let them finish instead of cutting them off. */
final class RunsInFlight {

    private static final Logger log = LoggerFactory.getLogger(RunsInFlight.class);

    private final Set<CompletableFuture<?>> runs = ConcurrentHashMap.newKeySet();

    void start(Mono<?> run) {
        CompletableFuture<?> ended = run.toFuture();
        runs.add(ended);
        ended.whenComplete((result, error) -> {
            runs.remove(ended);
            if (error != null && !(error instanceof CancellationException)) {
                log.error("A run ended in an error it should have turned into its outcome", error);
            }
        });
    }

    /**
     * Completes once every run now in flight has ended, or after {@code timeout}, having
     * cancelled those still going (their fetch or publish is abandoned, nothing half-applied).
     */
    CompletableFuture<Void> ended(Duration timeout) {
        Set<CompletableFuture<?>> now = Set.copyOf(runs);
        return CompletableFuture.allOf(now.toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, error) -> {
                    long cancelled = now.stream().filter(run -> run.cancel(true)).count();
                    if (cancelled > 0) {
                        log.warn("{} runs still in flight after {}: cancelled; the next scraper runs them again",
                                cancelled, timeout);
                    }
                    return null;
                });
    }
}
