package io.tiffin.identity;

import io.tiffin.platform.NotFoundException;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tenant scoping for services: who is calling, and whether they may touch a merchant's data. Another
 * merchant's data answers 404, so a caller cannot even learn that it exists.
 */
@Component
public class TenantAccess {

    public CurrentUser current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        if (auth != null && auth.getDetails() instanceof CurrentUser user) {
            return user;
        }
        throw new AuthenticationCredentialsNotFoundException("not signed in");
    }

    /**
     * Passes for an admin, or for a user of that merchant whose role is among {@code roles} (any
     * merchant role when none are given). A user of another merchant gets {@link NotFoundException}.
     */
    public CurrentUser requireMerchant(String merchantId, Role... roles) {
        CurrentUser user = current();
        if (user.isAdmin()) {
            return user;
        }
        if (user.merchantId() == null || !user.merchantId().equals(merchantId)) {
            throw new NotFoundException("merchant " + merchantId);
        }
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(r -> r == user.role())) {
            throw new AccessDeniedException("role " + user.role() + " may not do this");
        }
        return user;
    }

    public CurrentUser requireAdmin() {
        CurrentUser user = current();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        return user;
    }
}
