package io.tiffin.merchant;

import java.util.Optional;

/** Read access to merchants for other modules: by id, and by the provider address a message came to. */
public interface MerchantDirectory {

    Optional<Merchant> byId(String merchantId);

    Optional<Merchant> byWhatsappPhoneNumberId(String phoneNumberId);

    /**
     * The merchant whose Twilio number ({@code smsNumber}, E.164) a call or SMS came to. The default
     * (no merchant) is for directories that know no Twilio numbers, such as test stand-ins.
     */
    default Optional<Merchant> bySmsNumber(String number) {
        return Optional.empty();
    }

    boolean exists(String merchantId);

    /** The merchant a public link names by its slug (see {@link Merchant#slug()}). */
    Optional<Merchant> bySlug(String slug);

    /** Merchants whose owner wants the day's summary by email (none, for a directory without settings). */
    default java.util.List<Merchant> withDailySummary() {
        return java.util.List.of();
    }
}
