package io.tiffin.merchant;

import java.util.Optional;

/** Read access to merchants for other modules: by id, and by the provider address a message came to. */
public interface MerchantDirectory {

    Optional<Merchant> byId(String merchantId);

    /**
     * The merchant as stored at most a second ago, for reads made once per customer message: a change
     * made in this process is seen at once, one made by another instance within that second. Read
     * only; change a merchant through its module.
     */
    default Optional<Merchant> recent(String merchantId) {
        return byId(merchantId);
    }

    Optional<Merchant> byWhatsappPhoneNumberId(String phoneNumberId);

    /** The merchant whose SMS number (E.164) a text was sent to. */
    Optional<Merchant> bySmsNumber(String e164);

    /** The merchant whose Instagram professional account a DM was sent to. */
    Optional<Merchant> byInstagramAccountId(String accountId);

    boolean exists(String merchantId);

    /** The merchant a public link names by its slug (see {@link Merchant#slug()}). */
    Optional<Merchant> bySlug(String slug);

    /** Merchants whose owner wants the day's summary by email (none, for a directory without settings). */
    default java.util.List<Merchant> withDailySummary() {
        return java.util.List.of();
    }
}
