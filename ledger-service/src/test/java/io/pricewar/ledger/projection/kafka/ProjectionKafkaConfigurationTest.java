package io.pricewar.ledger.projection.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionKafkaConfigurationTest {

    final ProjectionProperties properties = new ProjectionProperties("ledger-service", 1, 500,
            Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(5), 20_000);

    @Test
    void failedBatchIsRetriedWithoutEndAtGrowingIntervalsUpToTheMaximum() {
        BackOff backOff = ProjectionKafkaConfiguration.endlessBackOff(properties);
        BackOffExecution execution = backOff.start();

        long[] pauses = LongStream.range(0, 10_000).map(attempt -> execution.nextBackOff()).toArray();

        assertThat(pauses).doesNotContain(BackOffExecution.STOP);
        assertThat(pauses[0]).isEqualTo(500);
        assertThat(pauses[1]).isEqualTo(1000);
        assertThat(pauses[pauses.length - 1]).isEqualTo(30_000);
    }
}
