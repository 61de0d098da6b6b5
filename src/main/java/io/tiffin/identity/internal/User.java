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
    // an admin turned the account off: it cannot sign in (tokens already issued run out on their own)
    private boolean disabled;
    @Version
    private Long version;

    protected User() {
    }

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

    public String id() { return id; }
    public String email() { return email; }
    String passwordHash() { return passwordHash; }
    public Role role() { return role; }
    public String merchantId() { return merchantId; }
    public Instant createdAt() { return createdAt; }
    public boolean disabled() { return disabled; }

    void disable(boolean disabled) {
        this.disabled = disabled;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
