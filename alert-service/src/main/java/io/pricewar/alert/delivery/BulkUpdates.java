package io.pricewar.alert.delivery;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Single-document updates of one collection, sent as unordered bulk writes: an update issued
 * while no bulk is in flight goes at once, alone; those issued while one is in flight go together
 * in the next. So a quiet outbox waits for nothing, and a busy one (thousands of outcomes a
 * second) pays one round trip per bulk instead of one per delivery. Each caller's Mono completes
 * when the bulk holding its update is acknowledged, so an attempt's outcome is still recorded
 * before anything depends on it; if the bulk fails, every update in it fails.
 */
final class BulkUpdates {

    private record Pending(UpdateOneModel<Document> update, MonoSink<Void> done) {
    }

    private final MongoCollection<Document> collection;
    private final int maxBulk;
    private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    BulkUpdates(MongoCollection<Document> collection, int maxBulk) {
        this.collection = collection;
        this.maxBulk = maxBulk;
    }

    /** Updates the one document {@code filter} finds, if any; completes once that is written. */
    Mono<Void> updateOne(Bson filter, Bson update) {
        return Mono.create(done -> {
            queued.add(new Pending(new UpdateOneModel<>(filter, update), done));
            writeIfIdle();
        });
    }

    /** Starts a bulk of what is queued unless one is in flight; the one in flight starts the next when it ends. */
    private void writeIfIdle() {
        while (!queued.isEmpty() && writing.compareAndSet(false, true)) {
            List<Pending> bulk = new ArrayList<>();
            for (Pending p = queued.poll(); p != null; p = bulk.size() < maxBulk ? queued.poll() : null) {
                bulk.add(p);
            }
            if (bulk.isEmpty()) {
                writing.set(false);
                continue;
            }
            List<WriteModel<Document>> writes = bulk.stream().<WriteModel<Document>>map(Pending::update).toList();
            Mono.from(collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                    .subscribe(result -> bulk.forEach(p -> p.done().success()),
                            error -> {
                                bulk.forEach(p -> p.done().error(error));
                                written();
                            },
                            this::written);
            return;
        }
    }

    private void written() {
        writing.set(false);
        writeIfIdle();
    }
}
