package org.credence.app.delivery;

/** Where a credential's delivery to its recipient is, as the issuer sees it. */
public enum DeliveryState {
    /** Issued; its e-mail is queued (or being retried). */
    ISSUED,
    /** The e-mail was accepted by the SMTP server; not claimed yet. */
    DELIVERED,
    /** The recipient opened the claim link. */
    CLAIMED,
    /** The latest e-mail bounced: the address is probably wrong. */
    BOUNCED,
    /** The latest e-mail could not be sent (refused, or every attempt failed). */
    FAILED
}
