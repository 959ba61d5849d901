package io.pricewar.devstack;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Days of the May 2024 price war as the record keeps them, for browser tests that need events on
 * days they can tell apart (a running stack's scraper observes everything today). Published
 * straight on {@code price-events}, as a scraper would have on those days, for vendors the test's
 * scraper does not read, so no chain is shared with it. Prices in CNY per 1K tokens, cells as the
 * pages wrote them ("免费" is free). The times are chosen around the UTC day of 21 May: iFlytek's
 * cut falls on it in UTC but on the 22nd in Beijing, Doubao's batch listing on the 20th in UTC but
 * on the 21st in Beijing, and Tencent's cut at the very start of the 22nd. Moonshot's page (demo
 * data) announces on the 19th a cut from 1 June, then on the 25th shows today's price without it:
 * the record's order (seq) is then not the order the prices take effect in.
 */
final class DatedMayLog {

    static final String ERNIE_SPEED_INPUT = "baidu:ernie-speed:input:standard";
    static final String SPARK_LITE_INPUT = "iflytek:spark-lite:input:standard";
    static final String HUNYUAN_LITE_INPUT = "tencent:hunyuan-lite:input:standard";
    static final String DOUBAO_32K_INPUT = "volcengine:doubao-pro-32k:input:standard";
    /** Demo data: the seeds give Doubao no batch price. */
    static final String DOUBAO_32K_BATCH_INPUT = "volcengine:doubao-pro-32k:input:batch";
    static final String MOONSHOT_8K_INPUT = "moonshot:moonshot-v1-8k:input:standard";

    /**
     * One reading of a point: when it was observed, from when the page said it applies (null:
     * at once) and the cell as the page showed it.
     */
    record Reading(String observedAt, String effectiveFrom, String cell) {
        Reading(String observedAt, String cell) {
            this(observedAt, null, cell);
        }

        String amount() {
            return cell.equals("免费") ? "0" : cell.replaceFirst("（.*", "");
        }
    }

    /** Each point's readings in order: the first lists it, each later one changes it. */
    static final Map<String, List<Reading>> READINGS = Map.of(
            ERNIE_SPEED_INPUT, List.of(new Reading("2024-05-01T00:00:00Z", "0.004"), new Reading("2024-05-21T00:00:00Z", "免费")),
            SPARK_LITE_INPUT, List.of(new Reading("2024-05-01T00:00:00Z", "0.018"), new Reading("2024-05-21T18:00:00Z", "免费")),
            HUNYUAN_LITE_INPUT, List.of(new Reading("2024-05-01T00:00:00Z", "0.008"), new Reading("2024-05-22T00:00:00Z", "免费")),
            DOUBAO_32K_INPUT, List.of(new Reading("2024-05-15T08:00:00Z", "0.0008")),
            DOUBAO_32K_BATCH_INPUT, List.of(new Reading("2024-05-20T16:00:00Z", "0.0004")),
            MOONSHOT_8K_INPUT, List.of(new Reading("2024-05-01T00:00:00Z", "0.012"),
                    new Reading("2024-05-19T08:00:00Z", "2024-06-01T00:00:00Z", "0.006（6月1日起）"),
                    new Reading("2024-05-25T00:00:00Z", "0.012")));

    private DatedMayLog() {
    }

    /** Where a point's page lives, as its events' evidence names it. */
    static String pageOf(String pointId) {
        return "https://" + PricePointId.parse(pointId).vendor() + ".example/pricing";
    }

    /** The SHA-256 the evidence of {@code pointId}'s reading at {@code observedAt} names (of a made-up body). */
    static String pageHash(String pointId, String observedAt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((pointId + "@" + observedAt).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<PriceEvent> events() {
        List<PriceEvent> log = new ArrayList<>();
        READINGS.forEach((id, readings) -> {
            PricePointId point = PricePointId.parse(id);
            PointHead head = PointHead.genesis(point);
            Price before = null;
            for (Reading reading : readings) {
                Instant at = Instant.parse(reading.observedAt());
                Price price = Price.of(reading.amount(), "CNY", PriceUnit.PER_1K_TOKENS);
                Observation seen = new Observation(at, reading.effectiveFrom() == null ? null : Instant.parse(reading.effectiveFrom()),
                        new Evidence(pageOf(id), at, pageHash(id, reading.observedAt()), reading.cell()));
                PriceEvent event = before == null ? PriceEvents.listed(head, price, seen) : PriceEvents.changed(head, before, price, seen);
                log.add(event);
                head = new PointHead(point, event.seq(), event.hash());
                before = price;
            }
        });
        return log;
    }

    static void publish(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (PriceEvent event : events()) {
                producer.send(new ProducerRecord<>(Topics.PRICE_EVENTS, event.pointId().toString(), PriceEventJson.write(event)))
                        .get(10, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish the dated May log", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
