package org.credence.core.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON provider of the process. Every {@code jakarta.json.Json.createXxx} call looks the
 * provider up again through {@link java.util.ServiceLoader}, reading the class path each time: in
 * bulk issuance that lookup took a third of the CPU (profiled with thread dumps). Credence code
 * calls {@code Jsons.PROVIDER.createXxx} instead.
 */
public final class Jsons {

    /** The provider found once (Eclipse Parsson on Credence's class path). */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {}
}
