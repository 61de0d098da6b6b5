package io.tiffin.identity;

public enum Role {
    ADMIN,
    MERCHANT_OWNER,
    MERCHANT_STAFF,
    DRIVER
}
