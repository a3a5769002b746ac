package org.credence.app.verification;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerIdentity;
import org.credence.app.issuer.IssuerService;
import org.credence.app.status.StatusListService;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.json.JsonInput;

/**
 * Answers this installation's own public documents from the database, never the network: did:web
 * documents ({@code /.well-known/did.json}, {@code /issuers/<slug>/did.json}) and status lists
 * ({@code /status/<list>}). did:web always names https, so the scheme is not compared, only the
 * host and port. Any other URL is "network unavailable". Thread-safe.
 */
public final class LocalDocuments implements DocumentFetcher {

    private final IssuerService issuers;
    private final StatusListService status;
    private final String authority;
    private final DidWebHost host;

    public LocalDocuments(IssuerService issuers, StatusListService status, DidWebHost host) {
        this.issuers = issuers;
        this.status = status;
        this.authority = host.baseUrl().getRawAuthority().toLowerCase(Locale.ROOT);
        this.host = host;
    }

    /** Whether the URL names this installation (its host and port), so is answered here. */
    public boolean isLocal(URI url) {
        String urlAuthority = url.getRawAuthority();
        return urlAuthority != null && urlAuthority.toLowerCase(Locale.ROOT).equals(authority);
    }

    /** This installation's own issuers and the installation itself, as a registry. */
    public LocalIssuers knownIssuers() {
        return new LocalIssuers(issuers, host);
    }

    /** One of this installation's issuers by DID, with its name and standing. */
    public Optional<IssuerIdentity> issuerIdentity(String did) {
        return issuers.publicIdentity(did);
    }

    @Override
    public JsonObject fetch(URI url) throws ResolutionException {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!isLocal(url) || url.getRawQuery() != null) {
            throw new ResolutionException(
                    ResolutionError.NETWORK_UNAVAILABLE,
                    "only this installation's own documents are checked here, not " + url);
        }
        try {
            if (path.equals("/.well-known/did.json")) {
                return issuers.platformDidDocument();
            }
            String[] segments = path.split("/", -1);
            if (segments.length == 4
                    && segments[1].equals("issuers")
                    && segments[3].equals("did.json")) {
                return issuers.didDocument(segments[2]);
            }
            if (segments.length == 3 && segments[1].equals("status")) {
                return JsonInput.DEFAULT.parseObject(status.publishedList(segments[2]).json());
            }
        } catch (AppException e) {
            if (e.problem() != Problem.NOT_FOUND) {
                throw e;
            }
        }
        throw new ResolutionException(ResolutionError.NOT_FOUND, "no such document: " + url);
    }
}
