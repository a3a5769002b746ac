package org.credence.cli;

/**
 * A command cannot go on because of its input (a file, an option value): the message, written for
 * the person at the terminal, goes to stderr and the command exits with {@link
 * ExitCodes#COULD_NOT_CHECK_OR_INPUT_ERROR}.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
