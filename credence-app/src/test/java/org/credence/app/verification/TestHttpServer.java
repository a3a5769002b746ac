package org.credence.app.verification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process HTTP server on 127.0.0.1 standing for remote issuers; counts requests per path. */
final class TestHttpServer implements AutoCloseable {

    /** What a path answers. */
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    void on(String path, Handler handler) {
        server.createContext(
                path,
                exchange -> {
                    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    try (exchange) {
                        handler.handle(exchange);
                    }
                });
    }

    /** Answers a fixed body with headers (name, value, name, value …). */
    void serve(String path, String contentType, String body, String... headers) {
        on(
                path,
                exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", contentType);
                    for (int i = 0; i + 1 < headers.length; i += 2) {
                        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
                    }
                    send(exchange, 200, body);
                });
    }

    void redirect(String path, String location) {
        on(
                path,
                exchange -> {
                    exchange.getResponseHeaders().add("Location", location);
                    exchange.sendResponseHeaders(302, -1);
                });
    }

    static void send(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String authority() {
        return "127.0.0.1:" + port();
    }

    String url(String path) {
        return "http://" + authority() + path;
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
