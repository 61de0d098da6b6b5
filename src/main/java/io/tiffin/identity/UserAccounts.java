package io.tiffin.identity;

import java.util.List;

/** The identity module's API for other modules: creating and listing a merchant's users. */
public interface UserAccounts {

    /** Creates a user; the caller has already checked that the current user may do so. */
    UserView create(String email, String password, Role role, String merchantId);

    List<UserView> ofMerchant(String merchantId);

    /** Creates the user unless one with that email exists; for seeding. */
    UserView ensure(String email, String password, Role role, String merchantId);
}
