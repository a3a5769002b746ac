package org.credence.server.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs {@link BrowserTest}s: skips them loudly when Chromium is missing, gives each test method its
 * own browser (closed after the test), and keeps evidence of a failure.
 */
final class ChromiumExtension implements BeforeEachCallback, ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ChromiumExtension.class);
    private static final Path FAILURES = Path.of("target", "browser-failures");

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<String> missing = Chromium.missing();
        if (missing.isPresent()) {
            String line = "!".repeat(100);
            System.err.printf(
                    "%n%s%n!! BROWSER TESTS SKIPPED: chromium/chromedriver not found — install"
                            + " Debian chromium chromium-driver%n!! %s (%s)%n%s%n%n",
                    line, missing.get(), context.getDisplayName(), line);
            Assumptions.abort(
                    "BROWSER TESTS SKIPPED: chromium/chromedriver not found: " + missing.get());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, key -> Chromium.start(), Chromium.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Chromium chromium = context.getStore(NAMESPACE).get(Chromium.class, Chromium.class);
        if (chromium == null || context.getExecutionException().isEmpty()) {
            return;
        }
        String name =
                context.getRequiredTestClass().getSimpleName()
                        + "-"
                        + context.getRequiredTestMethod().getName()
                        + "-"
                        + context.getUniqueId().hashCode();
        try {
            Files.createDirectories(FAILURES);
            Path screenshot = FAILURES.resolve(name + ".png");
            chromium.saveEvidence(screenshot, FAILURES.resolve(name + ".html"));
            System.err.println("Browser test failed; screenshot: " + screenshot.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            // The test's own failure matters more than missing evidence of it.
            System.err.println("Could not save the browser's screenshot: " + e);
        }
    }
}
