package io.pricewar.bench.scraper;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Says whether this JVM runs with the options the images run with ({@code deploy/jvm.options}),
 * so that a benchmark's figures say which JVM they were taken on: the collector and the object
 * header layout move the scraper's figures by a sixth to a fifth.
 */
final class DeployedJvm {

    static final Path OPTIONS = Path.of("deploy", "jvm.options");

    private DeployedJvm() {
    }

    /** One line: the collectors and header layout in force, and the options of the file that are not. */
    static String describe() {
        return describe(OPTIONS);
    }

    static String describe(Path options) {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String jvm = "JVM: " + System.getProperty("java.vm.version") + ", collectors "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "))
                + ", compact object headers " + hotspot.getVMOption("UseCompactObjectHeaders").getValue();
        if (!Files.isRegularFile(options)) {
            return jvm + "; " + options + " is not found from " + Path.of("").toAbsolutePath()
                    + ": cannot tell whether these are the images' options";
        }
        List<String> notInForce = flags(options).stream().filter(flag -> !inForce(hotspot, flag)).toList();
        return jvm + (notInForce.isEmpty()
                ? "; the images' options (" + options + ") are in force"
                : "; NOT the images' JVM: " + notInForce + " of " + options
                + " not in force (run with BENCH_JAVA_OPTS=@" + options + ")");
    }

    /** The -XX options of the file; other lines are comments or blank. */
    private static List<String> flags(Path options) {
        try {
            return Files.readAllLines(options).stream().map(String::strip).filter(line -> line.startsWith("-XX:")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code -XX:+Name}, {@code -XX:-Name} or {@code -XX:Name=value} holds in this JVM. */
    static boolean inForce(HotSpotDiagnosticMXBean hotspot, String flag) {
        String setting = flag.substring("-XX:".length());
        String name;
        String wanted;
        if (setting.startsWith("+") || setting.startsWith("-")) {
            name = setting.substring(1);
            wanted = String.valueOf(setting.startsWith("+"));
        } else {
            int equals = setting.indexOf('=');
            name = setting.substring(0, equals);
            wanted = setting.substring(equals + 1);
        }
        VMOption option;
        try {
            option = hotspot.getVMOption(name);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
        return sameValue(option.getValue(), wanted);
    }

    /** "75" and "75.000000" (how the JVM shows a double option) are the same value. */
    private static boolean sameValue(String actual, String wanted) {
        if (actual.equals(wanted)) {
            return true;
        }
        try {
            return new BigDecimal(actual).compareTo(new BigDecimal(wanted)) == 0;
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }
}
