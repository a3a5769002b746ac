package org.credence.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: sends requests at a fixed rate whatever the server's speed, and
 * measures each latency from the moment the request was <em>due</em>, not from when it was sent, so
 * a stalled server shows up in the percentiles (no coordinated omission, unlike plain {@code wrk}).
 * Meant to run as a second process on loopback against {@code credence serve}.
 *
 * <pre>
 * java -cp credence-bench/target/credence-bench.jar org.credence.bench.load.LoadMain \
 *     --url http://127.0.0.1:8080/credentials/verify --body credential.json --rate 500 --seconds 30
 * </pre>
 *
 * A warm-up at a quarter of the rate (30 s by default: the JIT needs that long on the JSON-LD code;
 * {@code --warmup-rate}, {@code --warmup-seconds}) comes first and is reported apart. Prints
 * throughput, p50/p90/p99/max latency and the error count (non-2xx or transport failure). With
 * {@code --pid} it also prints the server's resident memory before and after.
 */
public final class LoadMain {

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadResult warm =
                run(options.withRate(options.warmupRate()), options.warmupSeconds(), "warm-up");
        System.out.println(warm.describe());
        long rssBefore = rssKiB(options.pid());
        LoadResult result = run(options, options.seconds(), "measured");
        long rssAfter = rssKiB(options.pid());
        System.out.println(result.describe());
        if (options.pid() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "server RSS: %,d KiB before, %,d KiB after the measured run%n",
                    rssBefore,
                    rssAfter);
        }
    }

    static LoadResult run(Options options, int seconds, String label) throws InterruptedException {
        ExecutorService executor =
                Executors.newFixedThreadPool(
                        4,
                        task -> {
                            Thread thread = new Thread(task, "load");
                            thread.setDaemon(true);
                            return thread;
                        });
        HttpClient client =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .executor(executor)
                        .build();
        HttpRequest request = options.request();
        int total = options.rate() * seconds;
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        long intervalNanos = 1_000_000_000L / options.rate();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            inFlight.add(
                    client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .handle(
                                    (response, failure) -> {
                                        latencies[slot] = System.nanoTime() - due;
                                        if (failure != null || response.statusCode() / 100 != 2) {
                                            errors.incrementAndGet();
                                        }
                                        return null;
                                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long elapsed = System.nanoTime() - start;
        executor.shutdown();
        return new LoadResult(label, options.rate(), latencies, errors.get(), elapsed);
    }

    /** Resident set size of a process from {@code /proc}, or -1 when unknown. */
    static long rssKiB(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** What one run measured. */
    record LoadResult(String label, int rate, long[] latencies, long errors, long elapsedNanos) {

        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String describe() {
            double seconds = elapsedNanos / 1e9;
            return String.format(
                    Locale.ROOT,
                    "%s: %d requests at %d/s target, %.0f/s achieved, p50 %.2f ms, p90 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms, errors %d",
                    label,
                    latencies.length,
                    rate,
                    latencies.length / seconds,
                    percentileMillis(50),
                    percentileMillis(90),
                    percentileMillis(99),
                    percentileMillis(100),
                    errors);
        }
    }

    /** Command-line options. */
    record Options(
            URI url,
            Path body,
            String contentType,
            int rate,
            int seconds,
            long pid,
            int warmupRate,
            int warmupSeconds) {

        Options withRate(int newRate) {
            return new Options(
                    url, body, contentType, newRate, seconds, pid, warmupRate, warmupSeconds);
        }

        static Options parse(String[] args) {
            URI url = null;
            Path body = null;
            String contentType = "application/json";
            int rate = 500;
            int seconds = 30;
            long pid = -1;
            int warmupRate = -1;
            int warmupSeconds = 30;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--url" -> url = URI.create(value);
                    case "--body" -> body = Path.of(value);
                    case "--content-type" -> contentType = value;
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--pid" -> pid = Long.parseLong(value);
                    case "--warmup-rate" -> warmupRate = Integer.parseInt(value);
                    case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (url == null) {
                throw new IllegalArgumentException(
                        "usage: --url URL [--body FILE] [--rate N] [--seconds N] [--pid PID]"
                                + " [--warmup-rate N] [--warmup-seconds N]");
            }
            return new Options(
                    url,
                    body,
                    contentType,
                    rate,
                    seconds,
                    pid,
                    warmupRate > 0 ? warmupRate : Math.max(1, rate / 4),
                    warmupSeconds);
        }

        HttpRequest request() {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10));
            if (body == null) {
                return builder.GET().build();
            }
            try {
                return builder.header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(body)))
                        .build();
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read " + body + ": " + e.getMessage(), e);
            }
        }
    }
}
