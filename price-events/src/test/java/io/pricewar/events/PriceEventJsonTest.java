package io.pricewar.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceEventJsonTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    static Stream<Arguments> goldenEvents() {
        return Stream.of(
                Arguments.of("price-listed.json", SampleEvents.listed()),
                Arguments.of("price-changed.json", SampleEvents.cut()),
                Arguments.of("price-changed-announced.json", SampleEvents.announcedRise()),
                Arguments.of("price-delisted.json", SampleEvents.delisted()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void writesExactlyTheGoldenWireFormat(String golden, PriceEvent event) throws IOException {
        JsonNode written = PLAIN.readTree(PriceEventJson.write(event));

        assertThat(written).isEqualTo(PLAIN.readTree(golden(golden)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void readsTheGoldenFileBackIntoTheSameEvent(String golden, PriceEvent event) throws IOException {
        PriceEvent read = PriceEventJson.read(golden(golden));

        assertThat(read).isEqualTo(event);
        assertThat(read.hashIsIntact()).isTrue();
    }

    @Test
    void anAnnouncedInstantMovedAfterTheFactBreaksTheHash() throws IOException {
        String golden = new String(golden("price-changed-announced.json"), StandardCharsets.UTF_8);
        String movedADayEarlier = golden.replace("\"2025-09-05T16:00:00Z\"", "\"2025-09-04T16:00:00Z\"");

        PriceEvent read = PriceEventJson.read(movedADayEarlier.getBytes(StandardCharsets.UTF_8));

        assertThat(read.effectiveFrom()).isEqualTo("2025-09-04T16:00:00Z");
        assertThat(read.hashIsIntact()).isFalse();
    }

    @Test
    void roundTripKeepsEveryDigitOfThePrice() {
        PriceChanged cut = SampleEvents.cut();

        PriceChanged back = (PriceChanged) PriceEventJson.read(PriceEventJson.write(cut));

        assertThat(back.newPrice().amount().toPlainString()).isEqualTo("0.0005");
        assertThat(back.newPrice().per1M().toPlainString()).isEqualTo("0.5");
        assertThat(back).isEqualTo(cut);
    }

    @Test
    void pricesTravelAsStringsSoNoConsumerCanRoundThem() {
        JsonNode json = PLAIN.readTree(PriceEventJson.write(SampleEvents.cut()));

        assertThat(json.get("newPrice").get("amount").isString()).isTrue();
        assertThat(json.get("newPrice").get("per1M").asString()).isEqualTo("0.5");
        assertThat(json.get("previousPrice").get("per1M").asString()).isEqualTo("20");
    }

    @Test
    void toleratesFieldsANewerProducerAdded() {
        ObjectNode json = (ObjectNode) PLAIN.readTree(PriceEventJson.write(SampleEvents.cut()));
        json.put("region", "cn-beijing");
        ((ObjectNode) json.get("evidence")).put("screenshotSha256", "f".repeat(64));

        PriceEvent read = PriceEventJson.read(PLAIN.writeValueAsBytes(json));

        assertThat(read).isEqualTo(SampleEvents.cut());
    }

    @Test
    void rejectsAnUnknownEventTypeWithAReason() {
        ObjectNode json = (ObjectNode) PLAIN.readTree(PriceEventJson.write(SampleEvents.cut()));
        json.put("type", "PriceForecast");

        assertThatThrownBy(() -> PriceEventJson.read(PLAIN.writeValueAsBytes(json)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class)
                .hasMessageContaining("PriceForecast");
    }

    @Test
    void rejectsASchemaVersionNewerThanItKnows() {
        ObjectNode json = (ObjectNode) PLAIN.readTree(PriceEventJson.write(SampleEvents.cut()));
        json.put("schemaVersion", PriceEvent.CURRENT_SCHEMA_VERSION + 1);

        assertThatThrownBy(() -> PriceEventJson.read(PLAIN.writeValueAsBytes(json)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class)
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void rejectsGarbageAndMissingFieldsInsteadOfInventingValues() {
        ObjectNode json = (ObjectNode) PLAIN.readTree(PriceEventJson.write(SampleEvents.cut()));
        json.remove("newPrice");

        assertThatThrownBy(() -> PriceEventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class);
        assertThatThrownBy(() -> PriceEventJson.read(PLAIN.writeValueAsBytes(json)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class)
                .hasMessageContaining("newPrice");
    }

    @Test
    void rejectsANegativeOrUnparseablePrice() {
        ObjectNode json = (ObjectNode) PLAIN.readTree(PriceEventJson.write(SampleEvents.cut()));
        ((ObjectNode) json.get("newPrice")).put("amount", "-1");
        ObjectNode nan = (ObjectNode) PLAIN.readTree(PriceEventJson.write(SampleEvents.cut()));
        ((ObjectNode) nan.get("newPrice")).put("amount", "cheap");

        assertThatThrownBy(() -> PriceEventJson.read(PLAIN.writeValueAsBytes(json)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class);
        assertThatThrownBy(() -> PriceEventJson.read(PLAIN.writeValueAsBytes(nan)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = PriceEventJsonTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
