package org.credence.app.exchange;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.credence.app.db.Database;

/**
 * The two ways a claimed credential reaches a standards wallet: OpenID4VCI (EUDI-style wallets) and
 * a VC-API exchange (the DCC Learner Credential Wallet).
 *
 * @param oid4vci the pre-authorised code flow
 * @param exchanges VC-API exchanges
 */
public record WalletTransfers(Oid4vciService oid4vci, ExchangeService exchanges) {

    public WalletTransfers {
        Objects.requireNonNull(oid4vci, "oid4vci");
        Objects.requireNonNull(exchanges, "exchanges");
    }

    /** Both services on one database and base URL. */
    public static WalletTransfers of(
            Database database,
            ExchangeService.Sources sources,
            String baseUrl,
            Clock clock,
            SecureRandom random) {
        return new WalletTransfers(
                new Oid4vciService(
                        database,
                        sources.delivery(),
                        sources.credentials(),
                        baseUrl,
                        clock,
                        random),
                new ExchangeService(database, sources, baseUrl, clock, random));
    }
}
