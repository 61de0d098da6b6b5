package io.tiffin.merchant.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PATCH /api/v1/merchants/{id}}: only the settings it names change.
 * {@code webChat.enabled} turns the built-in web chat on or off; {@code payments} says how the
 * merchant takes money ({@code cashOnDelivery}, {@code online}, at least one); {@code emails} where the
 * new-order email and the daily summary go, and whether they do; {@code channels} binds provider
 * addresses (a value sets, an empty string removes, a field left out stays); {@code whatsappTemplates}
 * names the approved template sent for each order update outside WhatsApp's 24-hour window.
 */
record MerchantPatch(
        @Valid WebChat webChat,
        @Valid io.tiffin.merchant.NewMerchant.Payments payments,
        @Valid Emails emails,
        io.tiffin.merchant.Merchant.ChannelBindings channels,
        java.util.Map<
                        @jakarta.validation.constraints.Pattern(regexp = "order_[a-z_]{1,40}") String,
                        @jakarta.validation.constraints.Pattern(
                                regexp = "[a-z0-9_]{1,512}",
                                message = "must be a WhatsApp template name (lowercase letters, digits, _)")
                        String>
                whatsappTemplates) {

    MerchantPatch(WebChat webChat) {
        this(webChat, null, null, null, null);
    }

    record Emails(
            @jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 200)
            String address,

            @NotNull Boolean newOrders,
            @NotNull Boolean dailySummary,
            Boolean receipts) {}

    record WebChat(@NotNull Boolean enabled) {}
}
