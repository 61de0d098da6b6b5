package io.tiffin.merchant.internal;

import io.tiffin.merchant.Merchant;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Merchants extends MongoRepository<Merchant, String> {

    Optional<Merchant> findByWhatsappPhoneNumberId(String phoneNumberId);

    Optional<Merchant> findBySlug(String slug);

    Optional<Merchant> findBySmsNumber(String smsNumber);

    Optional<Merchant> findByInstagramAccountId(String instagramAccountId);

    Optional<Merchant> findFirstByChannelsSmsNumber(String smsNumber);

    java.util.List<Merchant> findBySlugIsNull();

    @org.springframework.data.mongodb.repository.Query("{ 'emails.dailySummary': true }")
    java.util.List<Merchant> findWithDailySummary();
}
