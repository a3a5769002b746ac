package org.credence.app.organization;

import java.util.Locale;
import org.credence.app.issuer.WebReferences;

/**
 * What a person enters to create an organisation and become its first owner. Validated on
 * construction: failures are {@link org.credence.app.Problem#INVALID_INPUT} naming the field. The
 * e-mail address is stripped and lowercased (addresses identify accounts).
 *
 * @param organisationName the organisation's name; its slug is derived from it
 * @param displayName the person's name
 * @param email the person's e-mail address, used to sign in
 * @param password at least {@value Passwords#MIN_LENGTH} characters and not easy to guess ({@link
 *     PasswordPolicy})
 */
public record SignUp(String organisationName, String displayName, String email, String password) {

    public SignUp {
        organisationName = WebReferences.requireText("organisationName", organisationName, 200);
        displayName = WebReferences.requireText("displayName", displayName, 200);
        email = Passwords.email("email", email);
        Passwords.requireStrong("password", password);
    }

    @Override
    public String toString() {
        return "SignUp[" + organisationName + ", " + email + "]";
    }

    /** Shared input rules for e-mail addresses and new passwords (also the learner wallet's). */
    public static final class Passwords {
        public static final int MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

        private Passwords() {}

        public static String email(String field, String value) {
            String text = WebReferences.requireText(field, value, 320).toLowerCase(Locale.ROOT);
            return WebReferences.requireEmail(field, text);
        }

        /** The rules of {@link PasswordPolicy}. */
        public static void requireStrong(String field, String password) {
            PasswordPolicy.require(field, password);
        }
    }
}
