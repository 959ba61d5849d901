package io.pricewar.ledger.evidence.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.ledger.evidence.EvidenceStore;
import io.pricewar.ledger.evidence.Snapshot;
import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Date;

/**
 * Chunks are written first (each an idempotent upsert keyed by hash and index), the metadata
 * document last, so a reader that finds the metadata finds every chunk; a crash in between
 * leaves chunks that the redelivered record completes.
 */
public final class MongoEvidenceStore implements EvidenceStore {

    /** One document per body: {@code _id} = SHA-256, where it was fetched, its type, size, chunk count. */
    public static final String SNAPSHOTS = "evidence_snapshots";
    /** The bytes: {@code _id} = "sha256#index", in order of index. */
    public static final String CHUNKS = "evidence_chunks";

    /** GridFS's default chunk size, far below MongoDB's 16 MB document limit. */
    static final int CHUNK_BYTES = 255 * 1024;

    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> chunks;

    public MongoEvidenceStore(MongoDatabase database) {
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.chunks = database.getCollection(CHUNKS);
    }

    /** Chunks are read by hash; the metadata's {@code _id} is the hash already. */
    public Mono<Void> ensureIndexes() {
        return Mono.from(chunks.createIndex(Indexes.ascending("sha256"))).then();
    }

    @Override
    public Mono<Void> save(Snapshot snapshot) {
        return has(snapshot.sha256())
                .flatMap(stored -> stored ? Mono.empty() : writeChunks(snapshot).then(writeMetadata(snapshot)));
    }

    private Mono<Void> writeChunks(Snapshot snapshot) {
        byte[] body = snapshot.body();
        int count = chunkCount(body.length);
        return Flux.range(0, count)
                .concatMap(i -> chunks.replaceOne(Filters.eq("_id", snapshot.sha256() + "#" + i),
                        new Document("_id", snapshot.sha256() + "#" + i).append("sha256", snapshot.sha256())
                                .append("n", i)
                                .append("data", new Binary(Arrays.copyOfRange(body, i * CHUNK_BYTES,
                                        Math.min(body.length, (i + 1) * CHUNK_BYTES)))),
                        new ReplaceOptions().upsert(true)))
                .then();
    }

    /** A duplicate key means another consumer stored the same body first: the same fact. */
    private Mono<Void> writeMetadata(Snapshot snapshot) {
        Document doc = new Document("_id", snapshot.sha256())
                .append("url", snapshot.url())
                .append("fetchedAt", snapshot.fetchedAt() == null ? null : Date.from(snapshot.fetchedAt()))
                .append("contentType", snapshot.contentType())
                .append("size", snapshot.body().length)
                .append("chunks", chunkCount(snapshot.body().length));
        return Mono.from(snapshots.insertOne(doc))
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.empty() : Mono.error(e))
                .then();
    }

    @Override
    public Mono<Snapshot> find(String sha256) {
        return Mono.from(snapshots.find(Filters.eq("_id", sha256)).first())
                .flatMap(meta -> Flux.from(chunks.find(Filters.eq("sha256", sha256)).sort(Sorts.ascending("n")))
                        .reduce(new ByteArrayOutputStream(), (out, chunk) -> {
                            out.writeBytes(chunk.get("data", Binary.class).getData());
                            return out;
                        })
                        .map(out -> new Snapshot(sha256, meta.getString("url"),
                                meta.getDate("fetchedAt") == null ? null : meta.getDate("fetchedAt").toInstant(),
                                meta.getString("contentType"), out.toByteArray())));
    }

    @Override
    public Mono<Boolean> has(String sha256) {
        return Mono.from(snapshots.countDocuments(Filters.eq("_id", sha256))).map(count -> count > 0);
    }

    private static int chunkCount(int size) {
        return Math.max(1, (size + CHUNK_BYTES - 1) / CHUNK_BYTES);
    }
}
