package io.pricewar.scraper.assign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.RunnableJar;
import io.pricewar.scraper.FixtureSite;
import io.pricewar.scraper.ScraperApplication;
import io.pricewar.scraper.TopicRecords;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two scraper replicas on one broker share the sources through the consumer group, and fail over. */
class ScaleOutIT {

    /** One source per partition of scraper-sources, so that any split gives each replica some. */
    private static final List<String> SOURCES = sourcePerPartition();

    private final EmbeddedKafka kafka = EmbeddedKafka.start();
    private final FixtureSite site = new FixtureSite().serve("alibaba-before-cut.html");
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        site.close();
        kafka.close();
    }

    @Test
    void twoReplicasScrapeEachSourceOnceBetweenThemAndOneTakesOverWhenTheOtherStops() {
        ConfigurableApplicationContext a = startReplica();
        ConfigurableApplicationContext b = startReplica();
        await().atMost(Duration.ofSeconds(60)).until(() -> !scraped(a).isEmpty() && !scraped(b).isEmpty());

        Map<String, Double> aBefore = scrapes(a);
        Map<String, Double> bBefore = scrapes(b);
        await().atMost(Duration.ofSeconds(30)).until(() -> grown(a, aBefore).size() + grown(b, bBefore).size() >= SOURCES.size());

        Set<String> byA = grown(a, aBefore);
        Set<String> byB = grown(b, bBefore);
        assertThat(byA).as("no source is scraped by both").doesNotContainAnyElementsOf(byB);
        assertThat(union(byA, byB)).as("every source is scraped").containsExactlyInAnyOrderElementsOf(SOURCES);
        assertThat(byA).isNotEmpty();
        assertThat(byB).isNotEmpty();

        b.close();
        Map<String, Double> afterStop = scrapes(a);

        await().atMost(Duration.ofSeconds(60)).until(() -> grown(a, afterStop).containsAll(SOURCES));

        // The survivor carries on the other's chains: a repricing continues each point's seq and
        // hash chain, whichever replica listed it, and nothing is listed a second time.
        site.serve("alibaba-after-cut.html");
        await().atMost(Duration.ofSeconds(60)).until(() -> priceEvents().stream()
                .filter(PriceChanged.class::isInstance).map(e -> e.pointId().vendor()).distinct().count() == SOURCES.size());
        Map<PricePointId, List<PriceEvent>> byPoint = priceEvents().stream()
                .collect(Collectors.groupingBy(PriceEvent::pointId));
        assertThat(byPoint.keySet()).extracting(PricePointId::vendor).containsAll(SOURCES);
        byPoint.forEach((point, chain) -> {
            chain.sort(java.util.Comparator.comparingLong(PriceEvent::seq));
            assertThat(chain.getFirst()).as("%s is listed once, first", point).isInstanceOf(PriceListed.class);
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i)).as("%s after its listing", point).isNotInstanceOf(PriceListed.class);
                assertThat(chain.get(i).seq()).isEqualTo(i + 1);
                assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
            }
        });
    }

    private List<PriceEvent> priceEvents() {
        return TopicRecords.read(kafka.bootstrapServers(), Topics.PRICE_EVENTS).stream()
                .map(record -> PriceEventJson.read(record.value())).toList();
    }

    /**
     * A replica that dies without leaving the group (killed, its host lost) holds its partitions
     * until its session times out (pricewar.scraper.session-timeout, 20 s); the survivor then
     * scrapes its sources, within a minute.
     */
    @Test
    void aReplicaKilledWithoutLeavingHasItsSourcesTakenOverWithinAMinute() throws Exception {
        ConfigurableApplicationContext a = startReplica();
        // As the image runs it: its runnable jar, as a process that can be killed.
        Process b = RunnableJar.of(Path.of(".")).process(arguments())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // b has joined once a, scraping steadily, no longer scrapes every source.
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                Map<String, Double> before = scrapes(a);
                Thread.sleep(2_000); // a window of about seven ticks of each source
                return !grown(a, before).isEmpty() && !grown(a, before).containsAll(SOURCES);
            });
        } finally {
            b.destroyForcibly().waitFor();
        }
        long killed = System.nanoTime();
        Map<String, Double> afterKill = scrapes(a);

        await().atMost(Duration.ofSeconds(60)).until(() -> grown(a, afterKill).containsAll(SOURCES));
        System.out.printf("sources of the killed replica taken over after %.1f s%n", (System.nanoTime() - killed) / 1e9);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> grown(ConfigurableApplicationContext replica, Map<String, Double> before) {
        return scrapes(replica).entrySet().stream()
                .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0.0))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<String> scraped(ConfigurableApplicationContext replica) {
        return scrapes(replica).keySet();
    }

    private static Map<String, Double> scrapes(ConfigurableApplicationContext replica) {
        Map<String, Double> counts = new TreeMap<>();
        for (Counter counter : replica.getBean(MeterRegistry.class).find("pricewar.scraper.scrapes").counters()) {
            counts.merge(counter.getId().getTag("source"), counter.count(), Double::sum);
        }
        return counts;
    }

    private ConfigurableApplicationContext startReplica() {
        ConfigurableApplicationContext context = ScraperApplication.builder().run(arguments());
        replicas.add(context);
        return context;
    }

    /** A replica's command line: this broker, fast ticks, and one source per partition. */
    private String[] arguments() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("pricewar.scraper.tick", "100ms");
        properties.put("pricewar.scraper.fetch.per-host-interval", "5ms");
        for (int i = 0; i < SOURCES.size(); i++) {
            String prefix = "pricewar.scraper.sources[" + i + "].";
            properties.put(prefix + "id", SOURCES.get(i));
            properties.put(prefix + "vendor", SOURCES.get(i));
            properties.put(prefix + "url", site.url() + "?source=" + SOURCES.get(i));
            properties.put(prefix + "interval", "300ms");
            properties.put(prefix + "currency", "CNY");
            properties.put(prefix + "table.selector", "table.price-table");
            properties.put(prefix + "table.model-column", "模型名称");
            properties.put(prefix + "table.meters.input", "输入");
            properties.put(prefix + "table.meters.output", "输出");
        }
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Source ids chosen so that the producer's default partitioner puts one on each partition. */
    private static List<String> sourcePerPartition() {
        Map<Integer, String> byPartition = new TreeMap<>();
        IntStream.range(0, 1000).mapToObj(i -> "vendor" + i).forEach(id -> byPartition.putIfAbsent(
                Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % Topics.SCRAPER_SOURCES_PARTITIONS, id));
        return List.copyOf(byPartition.values());
    }
}
