package io.tiffin.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.Audit;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.identity.UserView;
import io.tiffin.platform.NotFoundException;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin app's users of a merchant: list, turn off and on, and a new password shown once. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
class AdminUserController {

    /** The generated password appears in this answer only; the audit log keeps it redacted. */
    record NewPassword(UserView user, String password) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    // no 0/O or 1/l/I: read off a screen and typed on a tablet
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Users users;
    private final PasswordEncoder encoder;
    private final TenantAccess access;

    AdminUserController(Users users, PasswordEncoder encoder, TenantAccess access) {
        this.users = users;
        this.encoder = encoder;
        this.access = access;
    }

    @GetMapping("/merchants/{merchantId}/users")
    @Operation(summary = "A merchant's users, disabled ones included (admin)")
    List<UserView> ofMerchant(@PathVariable String merchantId) {
        access.requireAdmin();
        return users.findByMerchantIdOrderByEmail(merchantId).stream()
                .map(UserService::view)
                .toList();
    }

    @PostMapping("/users/{id}/disable")
    @Operation(summary = "Turn a user's sign-in off (admin)")
    UserView disable(@PathVariable String id) {
        return setDisabled(id, true);
    }

    @PostMapping("/users/{id}/enable")
    @Operation(summary = "Turn a user's sign-in back on (admin)")
    UserView enable(@PathVariable String id) {
        return setDisabled(id, false);
    }

    @PostMapping("/users/{id}/reset-password")
    @Operation(summary = "Replace a user's password with a generated one, answered once (admin)")
    NewPassword resetPassword(@PathVariable String id) {
        User user = merchantUser(id);
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        user.changePassword(encoder.encode(password));
        return new NewPassword(UserService.view(users.save(user)), password.toString());
    }

    private UserView setDisabled(String id, boolean disabled) {
        User user = merchantUser(id);
        Audit.before(UserService.view(user));
        user.disable(disabled);
        return UserService.view(users.save(user));
    }

    /** Admins manage merchants' users here; another admin's account is not theirs to switch off. */
    private User merchantUser(String id) {
        access.requireAdmin();
        User user = users.findById(id).orElseThrow(() -> new NotFoundException("user " + id));
        if (user.role() == Role.ADMIN) {
            throw new AccessDeniedException("admin accounts are not managed here");
        }
        return user;
    }
}
