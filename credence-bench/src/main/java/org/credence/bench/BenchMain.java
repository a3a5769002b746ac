package org.credence.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the credential benchmarks and prints each figure with its ratio to the floor measured in the
 * same run, then runs the JavaScript reference (@digitalbazaar/vc, through interop/bench.mjs) on
 * the same credential when Node and the harness are installed.
 *
 * <p>Usage: {@code java -jar credence-bench/target/credence-bench.jar [warmupSeconds]
 * [measureSeconds]} (defaults 40 and 30: titanium needs 20 to 30 s of load to reach steady speed).
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args)
            throws RunnerException, IOException, InterruptedException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Options options =
                new OptionsBuilder()
                        .include(CredentialBenchmarks.class.getName())
                        .forks(1)
                        .threads(1)
                        .warmupIterations(warmup / 10)
                        .warmupTime(TimeValue.seconds(10))
                        .measurementIterations(measure / 10)
                        .measurementTime(TimeValue.seconds(10))
                        .timeUnit(TimeUnit.SECONDS)
                        .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> opsPerSecond = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            opsPerSecond.put(
                    name.substring(name.lastIndexOf('.') + 1),
                    result.getPrimaryResult().getScore());
        }
        double sign = opsPerSecond.get("sign");
        double verify = opsPerSecond.get("verifyProof");
        System.out.println();
        System.out.println("== Credence, one realistic OB 3.0 credential, single thread (ops/s)");
        opsPerSecond.forEach((name, ops) -> System.out.printf("%-14s %10.0f%n", name, ops));
        System.out.printf(
                "sign / floorSign       = %.3f (floor: %.0f/s)%n",
                sign / opsPerSecond.get("floorSign"), opsPerSecond.get("floorSign"));
        System.out.printf(
                "verify / floorVerify   = %.3f (floor: %.0f/s)%n",
                verify / opsPerSecond.get("floorVerify"), opsPerSecond.get("floorVerify"));
        javascriptReference(sign, verify);
    }

    /** The JS reference on the same credential, in the same run. */
    private static void javascriptReference(double sign, double verify)
            throws IOException, InterruptedException {
        Path harness = Path.of("interop");
        if (!Files.isDirectory(harness.resolve("node_modules"))) {
            System.out.println(
                    "JS reference: not run (run from the repository root after"
                            + " `npm ci --prefix interop`)");
            return;
        }
        Path dir = Files.createTempDirectory("credence-bench");
        Path credential = dir.resolve("credential.json");
        Files.writeString(credential, RealisticCredential.template());
        Path key = dir.resolve("key.json");
        run(new ProcessBuilder("node", "interop/keygen.mjs").redirectOutput(key.toFile()));
        Path out = dir.resolve("js.json");
        run(
                new ProcessBuilder(
                                "node",
                                "interop/bench.mjs",
                                "--key",
                                key.toString(),
                                "--seconds",
                                "40",
                                credential.toString())
                        .redirectOutput(out.toFile()));
        String json = Files.readString(out, StandardCharsets.UTF_8);
        double jsIssue = number(json, "issuePerSecond");
        double jsVerify = number(json, "verifyPerSecond");
        System.out.println("== JavaScript reference (@digitalbazaar/vc), same credential");
        System.out.printf("issue  %8.0f/s   Credence sign is %.1fx%n", jsIssue, sign / jsIssue);
        System.out.printf(
                "verify %8.0f/s   Credence verify is %.1fx%n", jsVerify, verify / jsVerify);
    }

    private static void run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", builder.command()));
        }
    }

    private static double number(String json, String field) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9.]+)")
                        .matcher(json);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
