package io.pricewar.ledger.evidence;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotsTest {

    static final byte[] BODY = "<td>1元/百万tokens</td>".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsAGzippedBodyThatHashesToItsKey() {
        Snapshot snapshot = Snapshots.read(Snapshots.sha256(BODY), gzip(BODY), "https://x/pricing",
                "2024-05-06T00:00:00Z", "text/html", "gzip");

        assertThat(snapshot.body()).isEqualTo(BODY);
        assertThat(snapshot.fetchedAt()).hasToString("2024-05-06T00:00:00Z");
    }

    @Test
    void refusesABodyThatDoesNotHashToItsKey() {
        String otherKey = Snapshots.sha256("other".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Snapshots.read(otherKey, gzip(BODY), null, null, null, "gzip"))
                .isInstanceOf(Snapshots.UnusableSnapshotException.class).hasMessageContaining("not to its key");
    }

    @Test
    void refusesAValueThatIsNotGzip() {
        assertThatThrownBy(() -> Snapshots.read(Snapshots.sha256(BODY), BODY, null, null, null, "gzip"))
                .isInstanceOf(Snapshots.UnusableSnapshotException.class).hasMessageContaining("not gzip");
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
