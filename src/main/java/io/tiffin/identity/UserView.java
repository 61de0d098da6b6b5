package io.tiffin.identity;

import java.time.Instant;

/** A user as the API shows it: never the password hash. */
public record UserView(String id, String email, Role role, String merchantId, Instant createdAt, boolean disabled) {}
