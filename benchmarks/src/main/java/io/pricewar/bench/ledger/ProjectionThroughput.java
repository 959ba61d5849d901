package io.pricewar.bench.ledger;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LedgerApplication;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.SourcePosition;
import io.pricewar.ledger.projection.SourcedEvent;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.LedgerDocuments;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end ledger benchmark, all against one in-JVM Kafka broker and one MongoDB-wire server
 * in this JVM. The server keeps its data in memory by default, which is much closer to a real
 * mongod than the H2 file backend (pass {@code h2} to use that one); either way the ceiling and
 * the projection are measured on the same server in the same run. Only the ledger is held to
 * {@code -Xmx256m}: this JVM holds the database and needs a heap to match.
 *
 * <ol>
 *   <li>the raw bulk-insert ceiling: the same history documents the projection writes, inserted
 *       with unordered bulks of the ledger's batch size into a collection with the same indexes as
 *       the ledger's history, and nothing else; only the inserts are timed, not making the events
 *       (two SHA-256 each) or their documents, which would understate the ceiling and flatter the ratio;
 *   <li>projection throughput: the real ledger, in its own JVM with {@code -Xmx256m}, consuming
 *       the whole log from {@code price-events} (read, fold, history insert, conditional current
 *       upsert, checkpoint) until its checkpoints reach the end of every partition; its heap is
 *       sampled through its actuator throughout;
 *   <li>replay: {@code POST /api/v1/admin/replay} on that ledger, timed until the new
 *       generation is verified and live.
 * </ol>
 *
 * Usage: {@code bin/bench main io.pricewar.bench.ledger.ProjectionThroughput [events] [points] [memory|h2]
 * [batch] [no-replay]}; {@code batch} is the ledger's {@code ledger.projection.max-batch-size} and the
 * size of the raw bulks, so that both sides write in the same units; {@code no-replay} stops after
 * the projection (for quick iterations; the replay phase is what needs a large heap here).
 */
public final class ProjectionThroughput {

    private static final String ADMIN_KEY = "bench";

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String backend = args.length > 2 ? args[2] : "memory";
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        boolean replay = args.length <= 4 || !args[4].equals("no-replay");
        System.out.printf("ledger benchmark: %,d events over %,d points, %s backend, batches of %,d, %d cores, "
                        + "bench JVM max heap %d MiB%n", events, points, backend, batch,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             EmbeddedMongo mongo = server(backend);
             MongoClient client = MongoClients.create(mongo.uri("bench"))) {
            long produceStart = System.nanoTime();
            publish(kafka.bootstrapServers(), events, points);
            report("produced to price-events", events, produceStart);

            LedgerCollections rawLedger = new LedgerCollections(client.getDatabase("bench-raw"));
            rawLedger.ensureIndexes().block(Duration.ofMinutes(1));
            long rawStart = System.nanoTime();
            long insertNanos = rawInserts(rawLedger.history(), events, points, batch);
            report("raw bulk inserts, making the events too", events, rawStart);
            double raw = events / (insertNanos / 1e9);
            System.out.printf("%-42s %,10.0f events/s  (%,d in %.1f s of inserts alone)%n",
                    "raw bulk-insert ceiling", raw, events, insertNanos / 1e9);
            // The server holds everything in this JVM's heap; the ledger's two generations need the room.
            Mono.from(client.getDatabase("bench-raw").drop()).block(Duration.ofMinutes(1));

            try (LedgerProcess ledger = LedgerProcess.start(kafka.bootstrapServers(), mongo.uri("bench-ledger"), batch)) {
                long projectStart = System.nanoTime();
                double projected = ledger.awaitCheckpointedRecords(client, events);
                report("projection incl. ledger start-up (wall)", events, projectStart);
                System.out.printf("%-42s %,10.0f events/s  (from its first checkpoint to its last)%n",
                        "projection (ledger, own JVM -Xmx256m)", projected);
                System.out.printf("ratio projection / raw ceiling: %.2f%n", projected / raw);
                System.out.printf("ledger heap used after projection: %d MiB (peak sampled %d MiB, max %d MiB)%n",
                        ledger.heapUsed() >> 20, ledger.peakHeap >> 20, ledger.heapMax() >> 20);
                double wall = (System.nanoTime() - projectStart) / 1e9;
                for (String step : List.of("decode", "history", "current-and-checkpoint")) {
                    double seconds = ledger.stepSeconds(step);
                    System.out.printf("  consumer thread in step %-24s %7.1f s (%.0f%% of the projection's wall time)%n",
                            step, seconds, 100 * seconds / wall);
                }

                if (!replay) {
                    return;
                }
                long replayStart = System.nanoTime();
                String outcome = ledger.replay();
                double seconds = (System.nanoTime() - replayStart) / 1e9;
                System.out.printf("replay of %,d events (read, project, verify, switch): %.1f s, outcome %s%n",
                        events, seconds, outcome);
                System.out.printf("ledger heap peak sampled over the run: %d MiB%n", ledger.peakHeap >> 20);
            }
        }
    }

    private static EmbeddedMongo server(String backend) throws IOException {
        return switch (backend) {
            case "memory" -> EmbeddedMongo.inMemory();
            case "h2" -> EmbeddedMongo.persistentIn(Files.createTempDirectory("ledger-bench").resolve("mongo.mv"));
            default -> throw new IllegalArgumentException("backend is memory or h2, not " + backend);
        };
    }

    private static double report(String what, int events, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = events / seconds;
        System.out.printf("%-42s %,10.0f events/s  (%,d in %.1f s)%n", what, rate, events, seconds);
        return rate;
    }

    private static void publish(String bootstrap, int events, int points) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            SyntheticLog.generate(events, points, event -> producer.send(
                    new ProducerRecord<>(Topics.PRICE_EVENTS, event.pointId().toString(), PriceEventJson.write(event))));
            producer.flush();
        }
    }

    /** Inserts the log's history documents in bulks; answers the nanoseconds spent in the inserts alone. */
    private static long rawInserts(MongoCollection<Document> collection, int events, int points, int batch) {
        List<Document> bulk = new ArrayList<>(batch);
        long[] offset = {0};
        long[] insertNanos = {0};
        SyntheticLog.generate(events, points, event -> {
            bulk.add(LedgerDocuments.history(HistoryEntry.of(new SourcedEvent(event,
                    new SourcePosition(Topics.PRICE_EVENTS, 0, offset[0]++)))));
            if (bulk.size() == batch) {
                insertNanos[0] += insert(collection, bulk);
            }
        });
        return insertNanos[0] + insert(collection, bulk);
    }

    private static long insert(MongoCollection<Document> collection, List<Document> bulk) {
        if (bulk.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        Mono.from(collection.insertMany(List.copyOf(bulk), new InsertManyOptions().ordered(false)))
                .block(Duration.ofMinutes(1));
        long took = System.nanoTime() - start;
        bulk.clear();
        return took;
    }

    /** The ledger as deployed: its own JVM, its own heap limit, talking to the broker and server over TCP. */
    private static final class LedgerProcess implements AutoCloseable {
        private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)");
        private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");
        private static final Pattern TOTAL_TIME =
                Pattern.compile("\"TOTAL_TIME\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E+-]+)");

        private final Process process;
        private final int port;
        /**
         * HTTP/1.1 and a timeout: the default client's h2c upgrade attempt could leave a request to
         * the ledger hanging for good, which stopped the replay from ever being timed.
         */
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long peakHeap;

        private LedgerProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static LedgerProcess start(String bootstrap, String mongoUri, int batch) throws IOException {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    LedgerApplication.class.getName(), "--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--spring.mongodb.uri=" + mongoUri, "--server.port=" + port, "--ledger.admin.key=" + ADMIN_KEY,
                    "--logging.level.root=WARN", "--logging.level.io.pricewar.ledger.replay=INFO",
                    "--ledger.projection.write-timeout=120s",
                    "--ledger.projection.max-batch-size=" + batch)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "ledger-bench.log").toFile())
                    .start();
            return new LedgerProcess(process, port);
        }

        /**
         * Waits until the checkpoints cover {@code records} and returns the rate between the first
         * checkpoint seen and the last, so that the JVM's and Spring's start-up, which a running
         * ledger does not pay, is left out.
         */
        double awaitCheckpointedRecords(MongoClient client, long records) throws InterruptedException {
            var checkpoints = client.getDatabase("bench-ledger").getCollection("ledger_checkpoints");
            long firstDone = 0;
            long firstAt = 0;
            while (true) {
                long done = Flux.from(checkpoints.find())
                        .map(doc -> ((Number) doc.get("offset")).longValue() + 1)
                        .reduce(0L, Long::sum)
                        .block(Duration.ofMinutes(1));
                long now = System.nanoTime();
                sampleHeap();
                if (firstAt == 0 && done > 0) {
                    firstDone = done;
                    firstAt = now;
                }
                if (done >= records) {
                    return (done - firstDone) / ((now - firstAt) / 1e9);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the ledger exited; see ledger-bench.log in the temp folder");
                }
                Thread.sleep(250);
            }
        }

        String replay() throws Exception {
            send(request("/api/v1/admin/replay").header("X-Admin-Key", ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            while (true) {
                Thread.sleep(1000);
                sampleHeap();
                String body = send(request("/api/v1/admin/replay")
                        .header("X-Admin-Key", ADMIN_KEY).GET().build());
                Matcher state = STATE.matcher(body);
                if (state.find() && !state.group(1).equals("RUNNING") && !state.group(1).equals("VERIFYING")) {
                    return state.group(1) + (state.group(1).equals("SWITCHED") ? "" : " " + body);
                }
            }
        }

        long heapUsed() {
            return metric("jvm.memory.used");
        }

        long heapMax() {
            return metric("jvm.memory.max");
        }

        /** Seconds the ledger's consumer thread spent in one step of its batches ({@code ledger.projection.step}). */
        double stepSeconds(String step) {
            try {
                Matcher total = TOTAL_TIME.matcher(send(
                        request("/actuator/metrics/ledger.projection.step?tag=step:" + step).GET().build()));
                return total.find() ? Double.parseDouble(total.group(1)) : -1;
            } catch (Exception e) {
                return -1;
            }
        }

        private void sampleHeap() {
            peakHeap = Math.max(peakHeap, heapUsed());
        }

        private long metric(String name) {
            try {
                Matcher value = VALUE.matcher(send(
                        request("/actuator/metrics/" + name + "?tag=area:heap").GET().build()));
                return value.find() ? (long) Double.parseDouble(value.group(1)) : -1;
            } catch (Exception e) {
                return -1;
            }
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private String send(HttpRequest request) throws IOException, InterruptedException {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
