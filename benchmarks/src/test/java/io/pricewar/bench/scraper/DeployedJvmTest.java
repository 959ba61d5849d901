package io.pricewar.bench.scraper;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DeployedJvmTest {

    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void aBooleanOptionIsInForceOnlyAsThisJvmHasIt() {
        boolean serial = Boolean.parseBoolean(hotspot.getVMOption("UseSerialGC").getValue());
        assertThat(DeployedJvm.inForce(hotspot, "-XX:" + (serial ? "+" : "-") + "UseSerialGC")).isTrue();
        assertThat(DeployedJvm.inForce(hotspot, "-XX:" + (serial ? "-" : "+") + "UseSerialGC")).isFalse();
    }

    @Test
    void aNumberIsComparedAsANumberNotAsTheJvmWritesIt() {
        String shown = hotspot.getVMOption("MaxRAMPercentage").getValue(); // "25.000000"
        String plain = new BigDecimal(shown).stripTrailingZeros().toPlainString();
        assertThat(DeployedJvm.inForce(hotspot, "-XX:MaxRAMPercentage=" + plain)).isTrue();
        assertThat(DeployedJvm.inForce(hotspot, "-XX:MaxRAMPercentage=" + new BigDecimal(shown).add(BigDecimal.ONE)))
                .isFalse();
    }

    @Test
    void anOptionThisJvmDoesNotKnowIsNotInForce() {
        assertThat(DeployedJvm.inForce(hotspot, "-XX:+NoSuchOptionAnywhere")).isFalse();
    }

    @Test
    void theLineNamesTheFilesOptionsThatDoNotHold(@TempDir Path dir) throws IOException {
        boolean serial = Boolean.parseBoolean(hotspot.getVMOption("UseSerialGC").getValue());
        String holds = "-XX:" + (serial ? "+" : "-") + "UseSerialGC";
        String doesNot = "-XX:" + (serial ? "-" : "+") + "UseSerialGC";

        Path asThisJvm = Files.writeString(dir.resolve("same.options"), "# a comment\n\n" + holds + "\n");
        assertThat(DeployedJvm.describe(asThisJvm)).startsWith("JVM: ").contains("options (" + asThisJvm + ") are in force");

        Path other = Files.writeString(dir.resolve("other.options"), holds + "\n" + doesNot + "\n");
        assertThat(DeployedJvm.describe(other)).contains("NOT the images' JVM: [" + doesNot + "]");

        assertThat(DeployedJvm.describe(dir.resolve("missing.options"))).contains("cannot tell");
    }
}
