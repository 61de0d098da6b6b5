package io.tiffin.merchant.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PATCH /api/v1/merchants/{id}}: only the settings it names change.
 * {@code webChat.enabled} turns the built-in web chat on or off.
 */
record MerchantPatch(@Valid WebChat webChat) {

    record WebChat(@NotNull Boolean enabled) {
    }
}
