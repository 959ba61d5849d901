package io.pricewar.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server): in memory for tests, backed by
 * an H2 MVStore file for the local run so that the ledger survives a restart. It speaks enough of
 * the protocol for PriceWar (conditional upserts, unique indexes, bulk writes, $group, Decimal128)
 * but not transactions or change streams, which PriceWar does not use.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    public static EmbeddedMongo inMemory() {
        return inMemoryOnPort(0);
    }

    /** An in-memory server on {@code port} (0 for any free one), for tests that stop and restart it. */
    public static EmbeddedMongo inMemoryOnPort(int port) {
        return new EmbeddedMongo(new MemoryBackend(), port);
    }

    /** Keeps the data in {@code file}, creating its folder; a restart on the same file sees it again. */
    public static EmbeddedMongo persistentIn(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + file.getParent(), e);
        }
        return new EmbeddedMongo(new H2Backend(file.toString()), 0);
    }

    /** A connection string naming {@code database}, for {@code spring.mongodb.uri}. */
    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
