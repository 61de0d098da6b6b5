package io.tiffin.identity.internal;

import io.tiffin.identity.Role;
import io.tiffin.identity.UserAccounts;
import io.tiffin.identity.UserView;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class UserService implements UserAccounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    static final int MIN_PASSWORD = 8;

    private final Users users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    UserService(Users users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserView create(String email, String password, Role role, String merchantId) {
        List<Problem> problems = new ArrayList<>();
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new Problem("email", "must be an email address"));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            problems.add(new Problem("password", "must be 8 to 128 characters"));
        }
        if (role == null) {
            problems.add(new Problem("role", "must be one of ADMIN, MERCHANT_OWNER, MERCHANT_STAFF, DRIVER"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the user is invalid", problems);
        }
        User user = new User(normalize(email), encoder.encode(password), role, merchantId, clock.instant());
        return view(users.insert(user));
    }

    @Override
    public UserView ensure(String email, String password, Role role, String merchantId) {
        return users.findByEmail(normalize(email))
                .map(UserService::view)
                .orElseGet(() -> create(email, password, role, merchantId));
    }

    @Override
    public List<UserView> ofMerchant(String merchantId) {
        return users.findByMerchantIdOrderByEmail(merchantId).stream()
                .map(UserService::view)
                .toList();
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static UserView view(User u) {
        return new UserView(u.id(), u.email(), u.role(), u.merchantId(), u.createdAt(), u.disabled());
    }
}
