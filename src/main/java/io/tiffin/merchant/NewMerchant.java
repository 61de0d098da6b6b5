package io.tiffin.merchant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to create a merchant ({@code POST /api/v1/merchants}). */
public record NewMerchant(
        @NotBlank @Size(max = 120) String name,

        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO 4217 code")
        String currency,

        @NotBlank String timezone,
        @Size(max = 500) String address,
        @Valid @NotNull Location location,
        Merchant.ChannelBindings channels,
        Merchant.Fulfilment fulfilment,
        @Valid Payments payments) {

    public NewMerchant(
            String name,
            String currency,
            String timezone,
            String address,
            Location location,
            Merchant.ChannelBindings channels,
            Merchant.Fulfilment fulfilment) {
        this(name, currency, timezone, address, location, channels, fulfilment, null);
    }

    /** {@code {"cashOnDelivery": true|false, "online": true|false}}; absent: cash only. */
    public record Payments(
            @NotNull Boolean cashOnDelivery, @NotNull Boolean online) {}

    public record Location(@NotNull Double lat, @NotNull Double lng) {}
}
