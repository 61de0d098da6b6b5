package io.tiffin.identity.internal;

import io.tiffin.identity.UserView;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class LoginService {

    record LoginResult(String token, Instant expiresAt, UserView user) {}

    private final Users users;
    private final PasswordEncoder encoder;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    // compared against when the account does not exist, so both paths cost one hash check
    private final String decoyHash;

    LoginService(Users users, PasswordEncoder encoder, TokenService tokens, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.tokens = tokens;
        this.throttle = throttle;
        this.decoyHash = encoder.encode("decoy-password-never-used");
    }

    LoginResult login(String email, String password, String client) {
        String account = email == null ? "" : UserService.normalize(email);
        throttle.check(account, client);
        Optional<User> user = users.findByEmail(account);
        boolean matches = encoder.matches(
                password == null ? "" : password, user.map(User::passwordHash).orElse(decoyHash));
        // a disabled account fails like a wrong password, so the answer tells nobody it exists
        if (user.isEmpty() || !matches || user.get().disabled()) {
            throttle.failed(account, client);
            throw new BadCredentialsException("wrong email or password");
        }
        throttle.succeeded(account);
        TokenService.Issued issued = tokens.issue(user.get());
        return new LoginResult(issued.token(), issued.expiresAt(), UserService.view(user.get()));
    }
}
