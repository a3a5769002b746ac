package org.credence.app.wallet;

/** Where a wallet's credential comes from. */
public enum CredentialSource {
    /** Issued by this installation: claimed into the wallet, or issued to a verified address. */
    ISSUED,
    /** Imported from a file or a URL. */
    IMPORTED
}
