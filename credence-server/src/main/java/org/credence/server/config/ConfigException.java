package org.credence.server.config;

/** A setting is missing or invalid; the message names it (e.g. {@code CREDENCE_PORT}). */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String setting, String message) {
        super(setting + ": " + message);
    }

    public ConfigException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
    }
}
