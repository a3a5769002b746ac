package org.credence.app.organization;

import java.util.Objects;

/**
 * A signed-in person's password change.
 *
 * @param currentPassword the password they sign in with now
 * @param newPassword the one to use from now on ({@link PasswordPolicy})
 */
public record PasswordChange(String currentPassword, String newPassword) {

    public PasswordChange {
        currentPassword = Objects.requireNonNullElse(currentPassword, "");
        newPassword = Objects.requireNonNullElse(newPassword, "");
    }

    @Override
    public String toString() {
        return "PasswordChange[…]";
    }
}
