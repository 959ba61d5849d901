package io.pricewar.alert.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;

/**
 * One owner's live notifications as Server-Sent Events: the owner's notifications, whichever
 * replica recorded them ({@link NotificationFeed}), interleaved with heartbeats. The first heartbeat is sent at once, so a
 * client knows the stream is open and that nothing recorded from then on will be missed.
 */
@Component
class NotificationStreams implements SmartLifecycle {

    static final String EVENT_NAME = "notification";

    static final String HEARTBEAT = "heartbeat";

    private final NotificationFeed feed;
    private final StreamProperties properties;
    private final Counter dropped;
    /** Ends every stream on shutdown, so open streams do not hold up the graceful shutdown. */
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private volatile boolean running;

    NotificationStreams(NotificationFeed feed, StreamProperties properties, MeterRegistry meters) {
        this.feed = feed;
        this.properties = properties;
        this.dropped = meters.counter("alert.stream.dropped");
    }

    Flux<ServerSentEvent<String>> of(String ownerId) {
        return Flux.merge(notificationsOf(ownerId), heartbeats())
                .takeUntilOther(closing.asMono());
    }

    private Flux<ServerSentEvent<String>> notificationsOf(String ownerId) {
        return feed.of(ownerId)
                .onBackpressureBuffer(properties.buffer(), overflow -> dropped.increment(),
                        BufferOverflowStrategy.DROP_OLDEST)
                .map(produced -> ServerSentEvent.builder(produced.payload())
                        .id(produced.deliveryId())
                        .event(EVENT_NAME)
                        .build());
    }

    private Flux<ServerSentEvent<String>> heartbeats() {
        return Flux.interval(Duration.ZERO, properties.heartbeat())
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<String>builder().comment(HEARTBEAT).build());
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stopped before the web server's graceful shutdown (a higher phase stops first). */
    @Override
    public void stop() {
        running = false;
        closing.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
