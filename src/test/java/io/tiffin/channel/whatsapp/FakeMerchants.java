package io.tiffin.channel.whatsapp;

import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.Merchant.ChannelBindings;
import io.tiffin.merchant.MerchantDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.test.util.ReflectionTestUtils;

/** An in-memory merchant directory: merchant id → WhatsApp phone number id. */
final class FakeMerchants implements MerchantDirectory {

    private final Map<String, Merchant> byId = new HashMap<>();

    FakeMerchants with(String merchantId, String whatsappPhoneNumberId) {
        Merchant merchant = new Merchant(
                "Merchant " + merchantId,
                "INR",
                "Asia/Kolkata",
                "1 Main St",
                null,
                new ChannelBindings(whatsappPhoneNumberId, null, null, null),
                null);
        // the id is assigned by the store in production
        ReflectionTestUtils.setField(merchant, "id", merchantId);
        byId.put(merchantId, merchant);
        return this;
    }

    Optional<String> merchantIdFor(String phoneNumberId) {
        return byWhatsappPhoneNumberId(phoneNumberId).map(Merchant::id);
    }

    @Override
    public Optional<Merchant> byId(String merchantId) {
        return Optional.ofNullable(byId.get(merchantId));
    }

    @Override
    public Optional<Merchant> byWhatsappPhoneNumberId(String phoneNumberId) {
        return byId.values().stream()
                .filter(m -> phoneNumberId.equals(m.channels().whatsappPhoneNumberId()))
                .findFirst();
    }

    @Override
    public Optional<Merchant> bySmsNumber(String e164) {
        return byId.values().stream()
                .filter(m -> e164.equals(m.channels().smsNumber()))
                .findFirst();
    }

    @Override
    public Optional<Merchant> byInstagramAccountId(String accountId) {
        return byId.values().stream()
                .filter(m -> accountId.equals(m.channels().instagramAccountId()))
                .findFirst();
    }

    @Override
    public boolean exists(String merchantId) {
        return byId.containsKey(merchantId);
    }

    @Override
    public Optional<Merchant> bySlug(String slug) {
        return byId.values().stream().filter(m -> m.slug().equals(slug)).findFirst();
    }
}
