package org.credence.app.wallet;

import org.credence.app.issuer.WebReferences;
import org.credence.app.organization.SignUp.Passwords;

/**
 * What a learner enters to open a wallet. Validated on construction with the same rules as
 * organisation sign-ups ({@link org.credence.app.Problem#INVALID_INPUT} naming the field); the
 * address is stripped and lowercased.
 *
 * @param displayName the learner's name
 * @param email the address they sign in with; it becomes their first identifier (unverified)
 * @param password at least {@value Passwords#MIN_LENGTH} characters
 */
public record LearnerSignUp(String displayName, String email, String password) {

    public LearnerSignUp {
        displayName = WebReferences.requireText("displayName", displayName, 200);
        email = Passwords.email("email", email);
        Passwords.requireStrong("password", password);
    }

    @Override
    public String toString() {
        return "LearnerSignUp[" + email + "]";
    }
}
