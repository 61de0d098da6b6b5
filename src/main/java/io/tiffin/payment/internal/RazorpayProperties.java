package io.tiffin.payment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiUrl        Razorpay's API ({@code RAZORPAY_API_URL}); a stand-in in tests
 * @param keyId         API key id ({@code RAZORPAY_KEY_ID}); without it no link can be made
 * @param keySecret     API key secret ({@code RAZORPAY_KEY_SECRET})
 * @param webhookSecret the secret webhooks are signed with ({@code RAZORPAY_WEBHOOK_SECRET}); without it
 *                      every webhook is refused
 * @param linkExpiry    how long a payment link works (Razorpay's minimum is 15 minutes)
 * @param timeout       one API call's limit; a call that times out is retried without a second link
 * @param reconcileEvery how often links past their expiry are asked about
 * @param reconcileGrace how long after a link's expiry its webhook may still come before we ask
 */
@ConfigurationProperties("tiffin.razorpay")
record RazorpayProperties(
        @DefaultValue("https://api.razorpay.com") String apiUrl,
        String keyId,
        String keySecret,
        String webhookSecret,
        @DefaultValue("15m") Duration linkExpiry,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1m") Duration reconcileEvery,
        @DefaultValue("2m") Duration reconcileGrace) {

    boolean configured() {
        return keyId != null && !keyId.isBlank() && keySecret != null && !keySecret.isBlank();
    }
}
