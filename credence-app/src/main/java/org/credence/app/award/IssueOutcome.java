package org.credence.app.award;

import java.util.Objects;
import java.util.Optional;
import org.credence.app.Problem;

/**
 * The outcome of one request of {@link AwardService#issueAll}: the credential, or why not.
 *
 * @param position the request's index in the list given
 * @param credential the credential issued (or replayed), when it succeeded
 * @param problem the kind of refusal, when it failed
 * @param message why it failed; empty when it succeeded
 */
public record IssueOutcome(
        int position,
        Optional<IssuedCredential> credential,
        Optional<Problem> problem,
        String message) {

    public IssueOutcome {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
        if (credential.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("an outcome is either a credential or a problem");
        }
    }

    static IssueOutcome issued(int position, IssuedCredential credential) {
        return new IssueOutcome(position, Optional.of(credential), Optional.empty(), "");
    }

    static IssueOutcome failed(int position, Problem problem, String message) {
        return new IssueOutcome(position, Optional.empty(), Optional.of(problem), message);
    }

    public boolean succeeded() {
        return credential.isPresent();
    }
}
