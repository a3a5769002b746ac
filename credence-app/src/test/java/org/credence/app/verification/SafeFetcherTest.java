package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.credence.app.job.MutableClock;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeFetcherTest {

    private static final String JSON = "application/json";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private TestHttpServer server;
    private SafeFetcher fetcher;

    @BeforeEach
    void setUp() throws Exception {
        server = new TestHttpServer();
        fetcher = fetcher(allowed());
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
        server.close();
    }

    private FetchSettings allowed() {
        return FetchSettings.STANDARD.withAllowedHosts(
                List.of(AllowedHost.parse(server.authority())));
    }

    private SafeFetcher fetcher(FetchSettings settings) {
        return new SafeFetcher(settings, clock);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1/did.json, 127.0.0.1 is a loopback address",
        "http://10.0.0.1/did.json, 10.0.0.1 is a private address",
        "http://169.254.169.254/latest/meta-data/, 169.254.169.254 is a link-local address",
        "http://[::1]:8080/did.json, is a loopback address",
        "https://[::ffff:169.254.169.254]/x, 169.254.169.254 is a link-local address",
        "http://100.64.0.7/x, carrier-grade NAT",
        "http://0.0.0.0:8080/x, this network",
        "http://localhost:8080/did.json, localhost is a loopback name",
        "http://status.localhost/list, status.localhost is a loopback name",
        "ftp://example.org/list, only http and https",
        "file:///etc/passwd, only http and https"
    })
    void should_refuse_with_reason_when_url_names_a_forbidden_address(String url, String reason) {
        // WHEN / THEN
        assertThatThrownBy(() -> fetcher.fetch(URI.create(url)))
                .isInstanceOfSatisfying(
                        ResolutionException.class,
                        e -> assertThat(e.error()).isEqualTo(ResolutionError.REFUSED))
                .hasMessageStartingWith("refused: ")
                .hasMessageContaining(reason);
    }

    @Test
    void should_refuse_when_a_public_looking_name_resolves_to_a_private_address() {
        // GIVEN
        DnsResolver rebinding = stub("badges.example.org", "10.20.30.40");
        try (SafeFetcher guarded = new SafeFetcher(FetchSettings.STANDARD, rebinding, clock)) {
            // WHEN / THEN
            assertThatThrownBy(
                            () -> guarded.fetch(URI.create("https://badges.example.org/did.json")))
                    .isInstanceOfSatisfying(
                            ResolutionException.class,
                            e -> assertThat(e.error()).isEqualTo(ResolutionError.REFUSED))
                    .hasMessageContaining(
                            "refused: badges.example.org does not resolve to a public address")
                    .hasMessageNotContaining("10.20.30.40");
        }
    }

    @Test
    void should_refuse_when_localhost_is_resolved_even_if_the_name_check_were_bypassed() {
        // GIVEN a name that is not "localhost" but resolves to loopback
        DnsResolver loopback = stub("loop.example.org", "127.0.0.1");
        try (SafeFetcher guarded = new SafeFetcher(FetchSettings.STANDARD, loopback, clock)) {
            // WHEN / THEN
            assertThatThrownBy(() -> guarded.fetch(URI.create("http://loop.example.org/x")))
                    .hasMessageContaining(
                            "refused: loop.example.org does not resolve to a public address")
                    .hasMessageNotContaining("127.0.0.1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1:1/did.json, 127.0.0.1 is a loopback address",
        "http://169.254.169.254/latest/meta-data/, 169.254.169.254 is a link-local address",
        "http://[::1]/x, is a loopback address"
    })
    void should_refuse_when_an_allowed_server_redirects_to_a_forbidden_address(
            String target, String reason) {
        // GIVEN
        server.redirect("/moved", target);

        // WHEN / THEN
        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/moved"))))
                .isInstanceOfSatisfying(
                        ResolutionException.class,
                        e -> assertThat(e.error()).isEqualTo(ResolutionError.REFUSED))
                .hasMessageContaining(reason);
        assertThat(server.hits("/moved")).isEqualTo(1);
    }

    @Test
    void should_follow_three_redirects_and_refuse_the_fourth() throws Exception {
        // GIVEN
        server.redirect("/r1", "/r2");
        server.redirect("/r2", "/r3");
        server.redirect("/r3", "/doc");
        server.serve("/doc", JSON, "{\"id\":\"doc\"}");
        server.redirect("/r0", "/r1");

        // WHEN
        var document = fetcher.fetch(URI.create(server.url("/r1")));

        // THEN
        assertThat(document.getString("id")).isEqualTo("doc");
        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/r0"))))
                .hasMessageContaining("more than 3 redirects");
        assertThat(server.hits("/doc")).isEqualTo(1);
    }

    @Test
    void should_stop_reading_when_the_body_passes_the_size_limit() {
        // GIVEN a 10 KB body, sent chunked (no Content-Length) and with one
        String big = "{\"pad\":\"" + "x".repeat(10_000) + "\"}";
        server.on(
                "/chunked",
                exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(big.getBytes());
                });
        server.serve("/sized", JSON, big);
        SafeFetcher small = fetcher(allowed().withMaxBytes(1_000));

        // WHEN / THEN
        try (small) {
            for (String path : List.of("/chunked", "/sized")) {
                assertThatThrownBy(() -> small.fetch(URI.create(server.url(path))))
                        .isInstanceOfSatisfying(
                                ResolutionException.class,
                                e -> assertThat(e.error()).isEqualTo(ResolutionError.REFUSED))
                        .hasMessageContaining("is larger than 1000 bytes");
            }
        }
    }

    @Test
    void should_give_up_when_the_server_is_too_slow() {
        // GIVEN
        server.on(
                "/slow",
                exchange -> {
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    TestHttpServer.send(exchange, 200, "{}");
                });
        SafeFetcher impatient =
                fetcher(
                        allowed()
                                .withTimeouts(
                                        Duration.ofMillis(500),
                                        Duration.ofMillis(300),
                                        Duration.ofSeconds(1)));

        // WHEN
        long start = System.nanoTime();
        try (impatient) {
            assertThatThrownBy(() -> impatient.fetch(URI.create(server.url("/slow"))))
                    .isInstanceOfSatisfying(
                            ResolutionException.class,
                            e ->
                                    assertThat(e.error())
                                            .isEqualTo(ResolutionError.NETWORK_UNAVAILABLE));
        }

        // THEN
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void should_give_up_at_the_deadline_when_headers_trickle_within_the_read_timeout()
            throws Exception {
        // GIVEN a server that sends its status line, then a header one byte every 100 ms (each
        // byte well within the read timeout, so only the hard deadline can stop it)
        try (ServerSocket trickler = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = new Thread(() -> trickle(trickler), "trickler");
            sender.setDaemon(true);
            sender.start();
            String authority = "127.0.0.1:" + trickler.getLocalPort();
            SafeFetcher impatient =
                    fetcher(
                            FetchSettings.STANDARD
                                    .withAllowedHosts(List.of(AllowedHost.parse(authority)))
                                    .withTimeouts(
                                            Duration.ofMillis(500),
                                            Duration.ofMillis(800),
                                            Duration.ofSeconds(1)));

            // WHEN
            long start = System.nanoTime();
            try (impatient) {
                assertThatThrownBy(
                                () ->
                                        impatient.fetch(
                                                URI.create("http://" + authority + "/did.json")))
                        .isInstanceOfSatisfying(
                                ResolutionException.class,
                                e ->
                                        assertThat(e.error())
                                                .isEqualTo(ResolutionError.NETWORK_UNAVAILABLE))
                        .hasMessageContaining("deadline passed");
            }

            // THEN
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofMillis(2_500));
            sender.interrupt();
        }
    }

    /** Answers one connection with a status line, then an endless header, a byte at a time. */
    private static void trickle(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            byte[] request = new byte[4096];
            in.read(request); // the request line and headers: enough to answer
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                out.write('a');
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up (as it should) or the test ended
        }
    }

    @Test
    void should_refuse_a_response_with_too_many_headers() {
        // GIVEN
        String[] headers = new String[2 * 60];
        for (int i = 0; i < 60; i++) {
            headers[2 * i] = "X-Header-" + i;
            headers[2 * i + 1] = "value";
        }
        server.serve("/many", JSON, "{}", headers);

        // WHEN / THEN
        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/many"))))
                .isInstanceOfSatisfying(
                        ResolutionException.class,
                        e -> assertThat(e.error()).isEqualTo(ResolutionError.NETWORK_UNAVAILABLE))
                .hasMessageContaining("header");
    }

    @Test
    void should_reuse_a_response_while_max_age_lasts() throws Exception {
        // GIVEN
        server.serve("/did.json", JSON, "{\"id\":\"did\"}", "Cache-Control", "max-age=60");
        URI url = URI.create(server.url("/did.json"));

        // WHEN
        fetcher.fetch(url);
        fetcher.fetch(url);
        clock.advance(Duration.ofSeconds(59));
        fetcher.fetch(url);
        int withinMaxAge = server.hits("/did.json");
        clock.advance(Duration.ofSeconds(2));
        fetcher.fetch(url);

        // THEN
        assertThat(withinMaxAge).isEqualTo(1);
        assertThat(server.hits("/did.json")).isEqualTo(2);
    }

    @ParameterizedTest(name = "cache of {0}× the body: fetched {1} time(s)")
    @CsvSource({"5, 2", "6, 1"})
    void should_charge_a_parsed_document_several_times_its_body_against_the_cache(
            int multiple, int hits) throws Exception {
        // GIVEN a cache bound that holds the body's bytes 5 or 6 times
        String body = "{\"id\":\"did:web:example.org\",\"assertionMethod\":[\"#key-1\"]}";
        server.serve("/did.json", JSON, body, "Cache-Control", "max-age=60");
        FetchSettings base = allowed();
        FetchSettings small =
                new FetchSettings(
                        base.connectTimeout(),
                        base.readTimeout(),
                        base.deadline(),
                        base.maxBytes(),
                        base.maxRedirects(),
                        base.maxCacheAge(),
                        base.defaultCacheAge(),
                        (long) multiple * body.length(),
                        base.allowedHosts());
        URI url = URI.create(server.url("/did.json"));

        // WHEN
        try (SafeFetcher bounded = fetcher(small)) {
            bounded.fetch(url);
            bounded.fetch(url);
        }

        // THEN the parsed document is kept only when 6× its body fits
        assertThat(SafeFetcher.PARSED_JSON_WEIGHT).isEqualTo(6);
        assertThat(server.hits("/did.json")).isEqualTo(hits);
    }

    @Test
    void should_not_keep_a_response_marked_no_store() throws Exception {
        // GIVEN
        server.serve("/fresh", JSON, "{}", "Cache-Control", "no-store");
        URI url = URI.create(server.url("/fresh"));

        // WHEN
        fetcher.fetch(url);
        fetcher.fetch(url);

        // THEN
        assertThat(server.hits("/fresh")).isEqualTo(2);
    }

    @Test
    void should_keep_a_status_list_no_longer_than_its_ttl() throws Exception {
        // GIVEN a list whose ttl (2 s) is shorter than its max-age
        server.serve(
                "/status/1",
                JSON,
                "{\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
                        + "\"credentialSubject\":{\"type\":\"BitstringStatusList\",\"ttl\":2000}}",
                "Cache-Control",
                "max-age=600");
        URI url = URI.create(server.url("/status/1"));

        // WHEN
        fetcher.fetch(url);
        clock.advance(Duration.ofSeconds(1));
        fetcher.fetch(url);
        int withinTtl = server.hits("/status/1");
        clock.advance(Duration.ofSeconds(2));
        fetcher.fetch(url);

        // THEN
        assertThat(withinTtl).isEqualTo(1);
        assertThat(server.hits("/status/1")).isEqualTo(2);
    }

    @Test
    void should_cap_a_long_max_age_at_one_hour() throws Exception {
        // GIVEN
        server.serve("/long", JSON, "{}", "Cache-Control", "max-age=31536000");
        URI url = URI.create(server.url("/long"));

        // WHEN
        fetcher.fetch(url);
        clock.advance(Duration.ofMinutes(61));
        fetcher.fetch(url);

        // THEN
        assertThat(server.hits("/long")).isEqualTo(2);
    }

    @Test
    void should_follow_a_credential_page_to_its_json_alternate() throws Exception {
        // GIVEN
        server.serve(
                "/credentials/abc",
                "text/html; charset=utf-8",
                "<!doctype html><html><head><link rel=\"alternate\""
                        + " type=\"application/vc+ld+json\" href=\"/credentials/abc.json\">"
                        + "</head><body>A badge</body></html>");
        server.serve("/credentials/abc.json", "application/vc+ld+json", "{\"id\":\"abc\"}");

        // WHEN
        FetchedResource resource =
                fetcher.fetchResource(URI.create(server.url("/credentials/abc")));

        // THEN
        assertThat(resource.url()).hasToString(server.url("/credentials/abc.json"));
        assertThat(new String(resource.body())).isEqualTo("{\"id\":\"abc\"}");
    }

    @Test
    void should_report_not_found_when_the_server_says_so() {
        // GIVEN
        server.on("/gone", exchange -> TestHttpServer.send(exchange, 404, "no"));

        // WHEN / THEN
        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/gone"))))
                .isInstanceOfSatisfying(
                        ResolutionException.class,
                        e -> assertThat(e.error()).isEqualTo(ResolutionError.NOT_FOUND));
    }

    /** A DNS that answers one name with one address, as a hostile DNS server could. */
    static DnsResolver stub(String name, String address) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (!host.equals(name)) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[] {
                    InetAddress.getByAddress(name, InetAddress.getByName(address).getAddress())
                };
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }
}
