package org.credence.app.delivery;

/**
 * Sending an e-mail failed. {@link #permanent()} tells a refusal that no retry can fix (an invalid
 * address, a rejected recipient) from one that may pass later (server down, timeout, 4xx reply).
 */
public final class MailException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public MailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
