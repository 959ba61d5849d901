package io.pricewar.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's runnable jar ({@code target/*-exec.jar}, built by {@code package} before the
 * integration tests), for tests that run the service as the image does: as a process of its own,
 * which can be killed, and whose logging is its own, not the test classpath's.
 *
 * @param path the jar
 */
public record RunnableJar(Path path) {

    /** The runnable jar of the module in {@code module}: {@code Path.of(".")} for a test's own module. */
    public static RunnableJar of(Path module) {
        Path target = module.resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .map(jar -> new RunnableJar(jar.toAbsolutePath().normalize()))
                    .orElseThrow(() -> new AssertionError("no runnable jar in " + target.toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target.toAbsolutePath().normalize(), e);
        }
    }

    /** {@code java -jar} this jar with {@code arguments}, on the JVM running the caller. */
    public ProcessBuilder process(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    public ProcessBuilder process(String... arguments) {
        return process(List.of(arguments));
    }
}
