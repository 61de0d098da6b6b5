package io.tiffin.identity.internal;

import io.tiffin.identity.Role;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the platform admin at first start; with no password configured one is generated and logged once. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final UserService accounts;
    private final AdminProperties properties;

    AdminBootstrap(Users users, UserService accounts, AdminProperties properties) {
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.existsByRole(Role.ADMIN)) {
            return;
        }
        String password = properties.password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        accounts.create(properties.email(), password, Role.ADMIN, null);
        if (generated) {
            log.warn(
                    "Created the platform admin {} with the generated password {} (shown once; set TIFFIN_ADMIN_PASSWORD to choose it)",
                    properties.email(),
                    password);
        } else {
            log.info("Created the platform admin {}", properties.email());
        }
    }
}
