package io.tiffin.identity.internal;

import io.tiffin.identity.Role;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("users")
public class User {

    @Id
    private String id;

    @Indexed(unique = true)
    private String email;

    private String passwordHash;
    private Role role;

    @Indexed
    private String merchantId;

    private Instant createdAt;
    // an admin turned the account off: it cannot sign in, and the tokens it holds stop working
    private boolean disabled;
    // tokens carry the generation they were issued in; disabling or a new password moves it on, so every
    // token issued before stops working at once (see ActiveUserTokens)
    private int tokenGeneration;

    @Version
    private Long version;

    protected User() {}

    User(String email, String passwordHash, Role role, String merchantId, Instant createdAt) {
        if ((role == Role.MERCHANT_OWNER || role == Role.MERCHANT_STAFF) && merchantId == null) {
            throw new IllegalArgumentException("a merchant user belongs to a merchant");
        }
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.merchantId = role == Role.ADMIN ? null : merchantId;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String merchantId() {
        return merchantId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean disabled() {
        return disabled;
    }

    int tokenGeneration() {
        return tokenGeneration;
    }

    void disable(boolean disabled) {
        if (disabled && !this.disabled) {
            tokenGeneration++;
        }
        this.disabled = disabled;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        tokenGeneration++;
    }
}
