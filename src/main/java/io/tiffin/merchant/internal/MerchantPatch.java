package io.tiffin.merchant.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PATCH /api/v1/merchants/{id}}: only the settings it names change.
 * {@code webChat.enabled} turns the built-in web chat on or off; {@code payments} says how the
 * merchant takes money ({@code cashOnDelivery}, {@code online}, at least one); {@code emails} where the
 * new-order email and the daily summary go, and whether they do.
 */
record MerchantPatch(@Valid WebChat webChat, @Valid io.tiffin.merchant.NewMerchant.Payments payments, @Valid Emails emails) {

    MerchantPatch(WebChat webChat) {
        this(webChat, null, null);
    }

    record Emails(@jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 200) String address,
            @NotNull Boolean newOrders, @NotNull Boolean dailySummary, Boolean receipts) {
    }

    record WebChat(@NotNull Boolean enabled) {
    }
}
