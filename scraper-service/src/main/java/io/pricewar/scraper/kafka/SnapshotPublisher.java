package io.pricewar.scraper.kafka;

import io.pricewar.events.Topics;
import io.pricewar.scraper.fetch.FetchedPage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Puts a page body on {@code page-snapshots} (key = SHA-256 of the body as fetched, value the
 * gzip-compressed body, headers per {@link Topics}). The runner does this before publishing the
 * events that cite the page, so no event ever points at evidence the log does not hold. The
 * topic is compacted by key, so the same page sent again costs one record, not a copy.
 */
@Component
public class SnapshotPublisher {

    private static final String GZIP = "gzip";

    private final KafkaTemplate<String, byte[]> kafka;

    public SnapshotPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public Mono<Void> publish(FetchedPage page, String contentType) {
        return Mono.fromFuture(() -> kafka.send(record(page, contentType))).subscribeOn(Schedulers.boundedElastic()).then();
    }

    static ProducerRecord<String, byte[]> record(FetchedPage page, String contentType) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PAGE_SNAPSHOTS, page.sha256(), gzip(page.body()));
        record.headers()
                .add(header(Topics.SNAPSHOT_URL_HEADER, page.url()))
                .add(header(Topics.SNAPSHOT_FETCHED_AT_HEADER, page.fetchedAt().toString()))
                .add(header(Topics.SNAPSHOT_CONTENT_TYPE_HEADER, contentType == null ? "" : contentType))
                .add(header(Topics.SNAPSHOT_ENCODING_HEADER, GZIP));
        return record;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
