package io.pricewar.scraper.fetch;

import io.pricewar.scraper.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The fetcher against a local site that misbehaves as real ones do. */
class PageFetcherIT {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final FixtureSite site = new FixtureSite().serve("alibaba-before-cut.html");

    @AfterEach
    void stop() {
        site.close();
    }

    private static FetchProperties properties(Duration readTimeout, DataSize maxBody, int attempts, Duration perHost) {
        return new FetchProperties(null, null, Duration.ofSeconds(5), Duration.ofSeconds(2), readTimeout, maxBody,
                3, attempts, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), perHost, null);
    }

    private static PageFetcher fetcher() {
        return new PageFetcher(properties(Duration.ofSeconds(2), DataSize.ofMegabytes(1), 3, Duration.ofMillis(1)), Clock.systemUTC());
    }

    private FetchResult fetch(PageFetcher fetcher, Validators validators) {
        return fetcher.fetch(site.url(), validators).block(LIMIT);
    }

    @Test
    void readsThePageWithAnIdentifyingUserAgent() {
        FetchResult result = fetch(fetcher(), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.page().text()).contains("price-table"));
        assertThat(site.requests()).singleElement()
                .satisfies(r -> assertThat(r.userAgent()).startsWith("PriceWarBot/").contains("@"));
    }

    @Test
    void neverRequestsAPageRobotsTxtDisallowsForPriceWar() {
        site.robots("User-agent: PriceWarBot\nDisallow: /pricing\n");

        assertThatThrownBy(() -> fetch(fetcher(), Validators.NONE))
                .isInstanceOf(FetchException.Disallowed.class).hasMessageContaining("robots.txt");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void followsRobotsTxtGroupsOfOtherAgentsNot() {
        site.robots("User-agent: SomeOtherBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n");

        assertThat(fetch(fetcher(), Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void followsARobotsTxtRedirectedFiveTimesToAnotherHost() {
        try (FixtureSite rules = new FixtureSite()) {
            rules.robots("User-agent: PriceWarBot\nDisallow: /pricing?draft\n");
            site.robotsRedirected(5, rules.robotsUrl());
            PageFetcher fetcher = fetcher();

            assertThat(fetcher.fetch(site.url(), Validators.NONE).block(LIMIT)).isInstanceOf(FetchResult.Fetched.class);
            assertThatThrownBy(() -> fetcher.fetch(site.url() + "?draft", Validators.NONE).block(LIMIT))
                    .isInstanceOf(FetchException.Disallowed.class);
            assertThat(site.requests()).as("the allowed page only").hasSize(1);
        }
    }

    @Test
    void takesMoreThanFiveRobotsTxtRedirectsAsUnreachable() {
        try (FixtureSite rules = new FixtureSite()) {
            rules.robots("User-agent: *\nAllow: /\n");
            site.robotsRedirected(6, rules.robotsUrl());

            assertThatThrownBy(() -> fetch(fetcher(), Validators.NONE)).isInstanceOf(FetchException.Disallowed.class);
            assertThat(site.requests()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void aRobotsTxtAnsweringAServerErrorDisallowsEverything(int status) {
        site.robotsStatus(status);

        assertThatThrownBy(() -> fetch(fetcher(), Validators.NONE)).isInstanceOf(FetchException.Disallowed.class);
        assertThat(site.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404, 410})
    void aRobotsTxtAnsweringAClientErrorAllowsEverything(int status) {
        site.robotsStatus(status);

        assertThat(fetch(fetcher(), Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void retriesA429AfterTheRetryAfterTheServerAsks() {
        site.throttle(2, "1");

        FetchResult result = fetch(fetcher(), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        List<FixtureSite.Request> requests = site.requests();
        assertThat(requests).extracting(FixtureSite.Request::status).containsExactly(429, 429, 200);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void givesUpAtOnceWhenRetryAfterIsLongerThanAllowed() {
        site.throttle(1, "3600");

        assertThatThrownBy(() -> fetch(fetcher(), Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("429").hasMessageContaining("next run");
        assertThat(site.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterTheLastAttemptOnAServerError() {
        site.fail(503);

        assertThatThrownBy(() -> fetch(fetcher(), Validators.NONE)).isInstanceOf(FetchException.class).hasMessageContaining("503");
        assertThat(site.requests()).hasSize(3);
    }

    @Test
    void anUnchangedPageCostsA304AndNoBody() {
        site.withEtags();

        assertThat(validatorsOfAPageFetchedTwiceUnchanged().etag()).isNotBlank();
        assertThat(site.requests()).extracting(FixtureSite.Request::status).containsExactly(200, 304);
    }

    @Test
    void anUnchangedPageCostsA304WhenTheServerSendsOnlyLastModified() {
        site.withLastModified();

        assertThat(validatorsOfAPageFetchedTwiceUnchanged()).isEqualTo(new Validators(null, FixtureSite.LAST_MODIFIED));
        assertThat(site.requests()).extracting(FixtureSite.Request::ifModifiedSince, FixtureSite.Request::status)
                .containsExactly(tuple(null, 200), tuple(FixtureSite.LAST_MODIFIED, 304));
    }

    /** Fetches the page, then again with the validators the first fetch brought, which must answer 304; returns those. */
    private Validators validatorsOfAPageFetchedTwiceUnchanged() {
        PageFetcher fetcher = fetcher();
        Validators validators = ((FetchResult.Fetched) fetch(fetcher, Validators.NONE)).validators();

        assertThat(fetch(fetcher, validators)).isInstanceOf(FetchResult.NotModified.class);
        return validators;
    }

    @Test
    void anOversizedBodyIsAFailedFetchNotATruncatedPage() {
        site.serveBody("x".repeat(4096).getBytes(StandardCharsets.UTF_8));
        PageFetcher small = new PageFetcher(properties(Duration.ofSeconds(2), DataSize.ofKilobytes(1), 3, Duration.ofMillis(1)), Clock.systemUTC());

        assertThatThrownBy(() -> fetch(small, Validators.NONE)).hasMessageContaining("larger than 1024B");
        site.chunked();
        assertThatThrownBy(() -> fetch(small, Validators.NONE)).hasMessageContaining("larger than 1024B");
        assertThat(site.requests()).as("not retried").hasSize(2);
    }

    @Test
    void aSlowResponseTimesOutInsteadOfHoldingTheRun() {
        site.delay(Duration.ofSeconds(3));
        PageFetcher impatient = new PageFetcher(properties(Duration.ofMillis(300), DataSize.ofMegabytes(1), 2, Duration.ofMillis(1)), Clock.systemUTC());
        Instant start = Instant.now();

        assertThatThrownBy(() -> fetch(impatient, Validators.NONE)).isInstanceOf(FetchException.class);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aHostThatTakesNoConnectionFailsAtTheConnectTimeoutNotTheWholeAttemptsOne() throws IOException {
        FetchProperties connectIn300ms = new FetchProperties(null, null, Duration.ofSeconds(10), Duration.ofMillis(300),
                Duration.ofSeconds(2), DataSize.ofMegabytes(1), 3, 2, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofMillis(1), null);
        PageFetcher fetcher = new PageFetcher(connectIn300ms, Clock.systemUTC());
        assertThat(fetch(fetcher, Validators.NONE)).as("robots.txt read and kept").isInstanceOf(FetchResult.Fetched.class);
        int port = URI.create(site.url()).getPort();
        site.close();

        try (ServerSocket unanswered = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
             QueueFilled queue = QueueFilled.of(unanswered)) {
            assertThatThrownBy(() -> fetch(fetcher, Validators.NONE))
                    .isInstanceOf(FetchException.class)
                    .as("the whole attempt's 10 s timeout would say 'no complete response in time'")
                    .hasMessageContaining("connection timed out after 300 ms");
        }
    }

    /**
     * Connections held open on a listening socket that never accepts, so that its queue is full
     * and the kernel answers no further SYN: a host that takes no connection, on 127.0.0.1.
     */
    private record QueueFilled(List<Socket> held) implements AutoCloseable {
        static QueueFilled of(ServerSocket listening) throws IOException {
            List<Socket> held = new ArrayList<>();
            InetSocketAddress address = new InetSocketAddress(listening.getInetAddress(), listening.getLocalPort());
            while (true) {
                Socket socket = new Socket();
                try {
                    socket.connect(address, 200);
                    held.add(socket);
                } catch (SocketTimeoutException queueFull) {
                    socket.close();
                    return new QueueFilled(held);
                }
            }
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void asksTheRobotsTxtOfAHostARedirectLeadsTo() {
        try (FixtureSite elsewhere = new FixtureSite().serve("alibaba-before-cut.html")) {
            elsewhere.robots("User-agent: PriceWarBot\nDisallow: /pricing\n");
            site.robots("User-agent: *\nAllow: /\n");

            assertThatThrownBy(() -> fetcher().fetch(site.movedUrl(elsewhere.url()), Validators.NONE).block(LIMIT))
                    .isInstanceOf(FetchException.Disallowed.class).hasMessageContaining(elsewhere.url());
            assertThat(elsewhere.requests()).as("the disallowed page is never requested").isEmpty();
        }
    }

    @Test
    void followsARedirectToAnotherHostThatAllowsIt() {
        try (FixtureSite elsewhere = new FixtureSite().serve("alibaba-before-cut.html")) {
            elsewhere.robots("User-agent: SomeOtherBot\nDisallow: /\n");
            String moved = site.movedUrl(elsewhere.url());

            FetchResult result = fetcher().fetch(moved, Validators.NONE).block(LIMIT);

            assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
                assertThat(fetched.page().text()).contains("price-table");
                assertThat(fetched.page().url()).as("the source's URL, which events cite").isEqualTo(moved);
            });
            assertThat(elsewhere.requests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        }
    }

    @Test
    void aRedirectWithinTheSiteIsFollowedUnderItsOwnRobotsTxt() {
        site.robots("User-agent: PriceWarBot\nDisallow: /pricing\n");

        assertThatThrownBy(() -> fetcher().fetch(site.movedUrl("/pricing"), Validators.NONE).block(LIMIT))
                .isInstanceOf(FetchException.Disallowed.class);
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void followsNoMoreThanTheAllowedRedirects() {
        assertThatThrownBy(() -> fetcher().fetch(site.loopUrl(), Validators.NONE).block(LIMIT))
                .isInstanceOf(FetchException.class).hasMessageContaining("redirects");
    }

    @Test
    void spacesRequestsToOneHostByTheConfiguredInterval() {
        PageFetcher polite = new PageFetcher(properties(Duration.ofSeconds(2), DataSize.ofMegabytes(1), 1, Duration.ofMillis(400)), Clock.systemUTC());

        reactor.core.publisher.Flux.range(0, 3).flatMap(i -> polite.fetch(site.url(), Validators.NONE)).blockLast(LIMIT);

        List<FixtureSite.Request> requests = site.requests();
        assertThat(requests).hasSize(3);
        // One permit per 400 ms cycle, cycles counted from the limiter's start: the first of three
        // requests may come at the end of a cycle and the third at the start of the cycle after
        // next, so only one whole interval is sure to lie between them.
        assertThat(Duration.between(requests.get(0).at(), requests.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }
}
