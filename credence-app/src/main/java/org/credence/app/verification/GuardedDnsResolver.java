package org.credence.app.verification;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The DNS step of every connection the {@link SafeFetcher} makes: resolves the name once and
 * refuses it when any address is not public ({@link AddressRules}), unless the host:port pair is
 * allowed for tests. HttpClient connects to exactly the addresses returned here, so the address
 * checked is the address connected to: a name cannot resolve to a public address for the check and
 * to 127.0.0.1 for the connection (DNS rebinding). Thread-safe if the delegate is.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final DnsResolver delegate;
    private final FetchSettings settings;

    GuardedDnsResolver(DnsResolver delegate, FetchSettings settings) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(checked(host, port))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return checked(host, -1);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    private InetAddress[] checked(String host, int port) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("no address for " + host);
        }
        if (port > 0 && settings.allows(host, port)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressRules.refusal(address);
            if (refusal.isPresent()) {
                // The reason names the address only for an IP literal, which the user wrote: for
                // a name it would tell anyone who can submit a credential what internal names
                // resolve to (a DNS oracle into the server's network).
                throw new RefusedAddressException(
                        AddressRules.literal(host).isPresent()
                                ? "refused: " + refusal.get()
                                : "refused: " + host + " does not resolve to a public address");
            }
        }
        return addresses;
    }

    /** A name or address the rules refuse; an {@link UnknownHostException} to pass HttpClient. */
    static final class RefusedAddressException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        RefusedAddressException(String message) {
            super(message);
        }
    }
}
