package org.credence.app.exchange;

import java.util.Arrays;
import java.util.Optional;
import org.credence.app.credential.SecuringFormat;

/**
 * The OpenID4VCI credential configurations the issuer metadata lists: the Open Badges 3.0
 * credential in each securing format Credence issues. A credential is offered in the one format it
 * was signed in (it is sent exactly as issued, never re-signed).
 */
public enum CredentialConfiguration {
    /** Data Integrity ({@code eddsa-rdfc-2022}) JSON-LD: OID4VCI Appendix A.1.2. */
    OPEN_BADGE_LDP_VC("OpenBadgeCredential_ldp_vc", "ldp_vc", SecuringFormat.DATA_INTEGRITY),
    /** The Open Badges 3.0 VC-JWT ({@code vc} claim): OID4VCI Appendix A.1.1. */
    OPEN_BADGE_JWT_VC_JSON("OpenBadgeCredential_jwt_vc_json", "jwt_vc_json", SecuringFormat.VC_JWT);

    private final String id;
    private final String format;
    private final SecuringFormat securing;

    CredentialConfiguration(String id, String format, SecuringFormat securing) {
        this.id = id;
        this.format = format;
        this.securing = securing;
    }

    /** The key in {@code credential_configurations_supported}. */
    public String id() {
        return id;
    }

    /** The OID4VCI credential format identifier. */
    public String format() {
        return format;
    }

    public static CredentialConfiguration of(SecuringFormat securing) {
        return Arrays.stream(values())
                .filter(configuration -> configuration.securing == securing)
                .findFirst()
                .orElseThrow();
    }

    public static Optional<CredentialConfiguration> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
