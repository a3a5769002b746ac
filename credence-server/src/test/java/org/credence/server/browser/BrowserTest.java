package org.credence.server.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives the machine's headless Chromium: its test methods may take a {@link
 * Chromium} parameter. Without Chromium or its driver the tests are skipped (aborted, never passed)
 * with a loud banner on stderr; a failing test leaves a screenshot and the page's HTML in {@code
 * target/browser-failures/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
public @interface BrowserTest {}
