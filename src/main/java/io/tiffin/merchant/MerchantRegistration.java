package io.tiffin.merchant;

/** Creating merchants outside a request (seeding, tools); the caller has the right to do it. */
public interface MerchantRegistration {

    Merchant register(NewMerchant request);
}
