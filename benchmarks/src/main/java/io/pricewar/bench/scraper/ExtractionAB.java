package io.pricewar.bench.scraper;

import org.jsoup.Jsoup;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Compares the extraction plus diff (E) of two builds of the scraper in one JVM, turn by turn:
 * each turn runs jsoup's bare parse (P), then build A and build B (in alternating order), each
 * build's classes in a class loader of its own. The two builds thus see the same machine state,
 * which a change of a few percent needs on a VM whose speed changes by 2x between runs.
 *
 * <p>Run it through {@code bin/bench-ab REV_A REV_B [VENDOR|DENSE] [TURNS]}, which builds both
 * revisions. Compare a build with itself first: the ratio it prints for A against A is the
 * harness's own bias (0.995 to 0.999 on the 2-core VM this was written on). {@link ExtractionTurn}
 * is this tree's, run against each build's classes: the two revisions must both have the methods it
 * calls (the extractors, the safeguard and the book, as they are since the vocabulary came in).
 *
 * <p>Arguments: page kind, turns, then for A and for B the build's scraper-service and
 * price-events jars, joined with the path separator.
 */
public final class ExtractionAB {

    private static final int WARM_UP_TURNS = 300;
    private static long sink;

    private ExtractionAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ExtractionAB VENDOR|DENSE TURNS JARS_A JARS_B");
            System.exit(2);
        }
        PricingPage.Kind kind = PricingPage.Kind.valueOf(args[0]);
        int turns = Integer.parseInt(args[1]);
        String before = PricingPage.generate(kind, ExtractionBenchmark.TARGET_BYTES, 0);
        String after = PricingPage.generate(kind, ExtractionBenchmark.TARGET_BYTES, 100);
        IntSupplier a = load(args[2], before, after);
        IntSupplier b = load(args[3], before, after);
        System.out.println(DeployedJvm.describe());
        System.out.printf("%s page; A: %s%n%s page; B: %s%n", kind, a, kind, b);

        byte[] body = after.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < WARM_UP_TURNS; i++) {
            sink += parse(body) + a.getAsInt() + b.getAsInt();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] p = new long[turns];
        long[] ea = new long[turns];
        long[] eb = new long[turns];
        for (int i = 0; i < turns; i++) {
            boolean aFirst = i % 2 == 0;
            long t0 = threads.getCurrentThreadCpuTime();
            sink += parse(body);
            long t1 = threads.getCurrentThreadCpuTime();
            sink += (aFirst ? a : b).getAsInt();
            long t2 = threads.getCurrentThreadCpuTime();
            sink += (aFirst ? b : a).getAsInt();
            long t3 = threads.getCurrentThreadCpuTime();
            p[i] = t1 - t0;
            ea[i] = aFirst ? t2 - t1 : t3 - t2;
            eb[i] = aFirst ? t3 - t2 : t2 - t1;
        }
        double[] bOverA = new double[turns];
        double[] aOverP = new double[turns];
        double[] bOverP = new double[turns];
        for (int i = 0; i < turns; i++) {
            bOverA[i] = eb[i] / (double) ea[i];
            aOverP[i] = ea[i] / (double) p[i];
            bOverP[i] = eb[i] / (double) p[i];
        }
        System.out.printf("thread CPU, medians of %d turns: P %.2f ms, E of A %.2f ms, E of B %.2f ms%n",
                turns, Quantiles.millis(p, 50), Quantiles.millis(ea, 50), Quantiles.millis(eb, 50));
        System.out.printf("E of B / E of A turn by turn: median %.3f, quartiles %.3f and %.3f%n",
                Quantiles.of(bOverA, 50), Quantiles.of(bOverA, 25), Quantiles.of(bOverA, 75));
        System.out.printf("E / P turn by turn: A %.3f, B %.3f (medians)%n", Quantiles.of(aOverP, 50), Quantiles.of(bOverP, 50));
    }

    /** The build's classes of the scraper and the events, and this package's {@link ExtractionTurn}, in a loader of their own. */
    private static IntSupplier load(String jars, String before, String after) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(ExtractionTurn.class.getProtectionDomain().getCodeSource().getLocation());
        for (String jar : jars.split(File.pathSeparator)) {
            urls.add(url(jar));
        }
        ClassLoader loader = new BuildLoader(urls.toArray(URL[]::new), ExtractionAB.class.getClassLoader());
        return (IntSupplier) loader.loadClass(ExtractionTurn.class.getName())
                .getConstructor(String.class, String.class).newInstance(before, after);
    }

    private static URL url(String path) throws MalformedURLException {
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalArgumentException("no such jar: " + path);
        }
        return file.toURI().toURL();
    }

    private static int parse(byte[] body) {
        return Jsoup.parse(new String(body, StandardCharsets.UTF_8), ExtractionTurn.SOURCE.url()).childNodeSize();
    }

    /**
     * Loads the scraper's and the events' classes, and {@link ExtractionTurn}, from its own jars
     * first, everything else (jsoup, Jackson, the JDK) from the parent: so one build's classes
     * never meet the other's.
     */
    private static final class BuildLoader extends URLClassLoader {

        BuildLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!ownsClass(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private static boolean ownsClass(String name) {
            return name.startsWith("io.pricewar.scraper.") || name.startsWith("io.pricewar.events.")
                    || name.equals(ExtractionTurn.class.getName());
        }
    }
}
