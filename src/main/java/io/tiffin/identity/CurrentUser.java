package io.tiffin.identity;

/** The authenticated caller, as the bearer token or session states it. */
public record CurrentUser(String userId, String email, Role role, String merchantId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
