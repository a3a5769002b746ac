package org.credence.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.credence.server.Background;
import org.credence.server.CredenceServer;
import org.credence.server.ServerConfig;
import org.credence.server.Services;
import org.credence.server.config.ConfigException;
import org.credence.server.config.CredenceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credence serve}: runs the web application and API until Ctrl-C. The data lives in an
 * embedded H2 database under the data directory unless {@code CREDENCE_DATABASE_URL} names a
 * PostgreSQL database; other settings come from {@code --config} and {@code CREDENCE_…} variables
 * (see {@link CredenceConfig}). {@code --demo} seeds a demo organisation once and prints how to
 * sign in.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the Credence web application and API (stop with Ctrl-C).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "2:bad settings or the server could not start"})
final class ServeCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--port",
            description = "HTTP port (0: any free port; default 8080 or CREDENCE_PORT)")
    private Integer port;

    @Option(
            names = "--data-dir",
            description =
                    "Where the embedded database and master key live (default ./credence-data)")
    private Path dataDirectory;

    @Option(names = "--config", description = "A properties file of settings")
    private Path configFile;

    @Option(names = "--demo", description = "Seed a demo organisation (once) and print its sign-in")
    private boolean demo;

    private final Environment environment;
    private final Map<String, String> variables;

    ServeCommand(Environment environment, Map<String, String> variables) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.variables = Map.copyOf(variables);
    }

    /**
     * The services every server runs with: the one place where features are wired to the
     * configuration.
     */
    static Services services(CredenceConfig config, Clock clock) {
        return Services.open(config, clock);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (Running running = start(out)) {
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook =
                    new Thread(
                            () -> {
                                running.close();
                                stopped.countDown();
                            },
                            "credence-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }

    /** Starts the server as the options say; the caller stops it. */
    Running start(PrintWriter out) {
        CredenceConfig config = config();
        Services services = services(config, environment.clock());
        try {
            Optional<DemoData.Credentials> credentials =
                    demo
                            ? Optional.of(
                                    DemoData.seed(
                                            services, config.dataDirectory(), environment.random()))
                            : Optional.empty();
            CredenceServer.Handle server =
                    CredenceServer.create(ServerConfig.of(config), services).start();
            Background background = Background.start(services, config.smtp(), environment.clock());
            String url = "http://localhost:" + server.port();
            out.println(
                    "Credence is running at "
                            + url
                            + " (public URL "
                            + config.baseUrl().base()
                            + ")");
            out.println("Data: " + config.database());
            credentials.ifPresent(value -> value.print(out));
            out.flush();
            return new Running(server, background, services, url);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private CredenceConfig config() {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("CREDENCE_PORT", Integer.toString(port));
        }
        if (dataDirectory != null) {
            overrides.put("CREDENCE_DATA_DIR", dataDirectory.toString());
        }
        try {
            return CredenceConfig.load(Optional.ofNullable(configFile), variables, overrides);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** A started server and its services; closing stops both (once). */
    static final class Running implements AutoCloseable {
        private final CredenceServer.Handle server;
        private final Background background;
        private final Services services;
        private final String url;
        private boolean closed;

        Running(
                CredenceServer.Handle server,
                Background background,
                Services services,
                String url) {
            this.server = server;
            this.background = background;
            this.services = services;
            this.url = url;
        }

        String url() {
            return url;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                server.stop();
                background.close();
            } finally {
                services.close();
            }
        }
    }
}
