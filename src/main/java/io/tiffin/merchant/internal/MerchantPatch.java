package io.tiffin.merchant.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PATCH /api/v1/merchants/{id}}: only the settings it names change.
 * {@code webChat.enabled} turns the built-in web chat on or off; {@code channels} binds provider
 * addresses (a value sets, an empty string removes, a field left out stays).
 */
record MerchantPatch(@Valid WebChat webChat, io.tiffin.merchant.Merchant.ChannelBindings channels) {

    record WebChat(@NotNull Boolean enabled) {
    }
}
