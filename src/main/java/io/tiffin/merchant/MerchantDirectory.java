package io.tiffin.merchant;

import java.util.Optional;

/** Read access to merchants for other modules: by id, and by the provider address a message came to. */
public interface MerchantDirectory {

    Optional<Merchant> byId(String merchantId);

    Optional<Merchant> byWhatsappPhoneNumberId(String phoneNumberId);

    boolean exists(String merchantId);
}
