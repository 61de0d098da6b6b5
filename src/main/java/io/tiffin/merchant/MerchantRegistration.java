package io.tiffin.merchant;

/** Creating merchants outside a request (seeding, tools); the caller has the right to do it. */
public interface MerchantRegistration {

    /** Turns the merchant's built-in web chat on or off. */
    Merchant changeWebChat(String merchantId, boolean enabled);

    Merchant register(NewMerchant request);

    /** Replaces a merchant's store rules, keeping its time zone and pickup choice. */
    Merchant setRules(String merchantId, StoreRules rules);
}
