package io.tiffin.merchant;

/** Creating merchants outside a request (seeding, tools); the caller has the right to do it. */
public interface MerchantRegistration {

    Merchant register(NewMerchant request);

    /** Replaces a merchant's store rules, keeping its time zone and pickup choice. */
    Merchant setRules(String merchantId, StoreRules rules);
}
