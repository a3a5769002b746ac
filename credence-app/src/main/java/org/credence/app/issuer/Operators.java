package org.credence.app.issuer;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.credence.app.AppException;

/**
 * The installation's operators, named by account e-mail in the configuration ({@code
 * CREDENCE_OPERATOR_EMAILS}): they may list every organisation's issuers and vet them. Compared
 * without case. Immutable and thread-safe.
 */
public final class Operators {

    /** No operator: nobody can vet, so only registry-listed issuers pass issuer trust. */
    public static final Operators NONE = new Operators(Set.of());

    private final Set<String> emails;

    public Operators(Collection<String> emails) {
        this.emails =
                emails.stream()
                        .map(String::strip)
                        .filter(email -> !email.isEmpty())
                        .map(email -> email.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the account with this e-mail is an operator. */
    public boolean includes(String email) {
        return email != null && emails.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The operator signed in with this e-mail.
     *
     * @throws AppException {@code NOT_FOUND} for anyone else: the operator pages do not exist for
     *     them
     */
    public Operator require(String email) {
        if (!includes(email)) {
            throw AppException.notFound("Page");
        }
        return new Operator(email.strip());
    }

    /** A signed-in installation operator; only {@link #require} makes one. */
    public static final class Operator {
        private final String email;

        private Operator(String email) {
            this.email = Objects.requireNonNull(email, "email");
        }

        /** The operator's account e-mail, as the audit log names them. */
        public String email() {
            return email;
        }
    }
}
