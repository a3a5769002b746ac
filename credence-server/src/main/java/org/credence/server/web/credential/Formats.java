package org.credence.server.web.credential;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.credence.app.credential.CredentialState;
import org.credence.app.delivery.DeliveryState;

/** How credential pages write dates and states (in words, never colour alone). */
public final class Formats {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private Formats() {}

    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    public static String dateTime(Optional<Instant> instant) {
        return instant.map(Formats::dateTime).orElse("—");
    }

    public static String state(CredentialState state) {
        return switch (state) {
            case VALID -> "Valid";
            case REVOKED -> "Revoked";
            case SUSPENDED -> "Suspended";
            case EXPIRED -> "Expired";
            case NOT_YET_VALID -> "Not yet valid";
        };
    }

    /** The CSS class of a state's badge (the text says the state too). */
    public static String stateStyle(CredentialState state) {
        return state == CredentialState.VALID ? "passed" : "failed";
    }

    public static String delivery(DeliveryState state) {
        return state == null ? "not e-mailed" : state.name().toLowerCase(Locale.ROOT);
    }
}
