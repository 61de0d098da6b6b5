package io.tiffin.payment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface Payments extends MongoRepository<Payment, String> {

    Optional<Payment> findByLinkId(String linkId);

    @Query("{ '$or': [ { 'paymentId': ?0 }, { 'refunds.paymentId': ?0 } ] }")
    List<Payment> findByAnyPaymentId(String paymentId);

    /** Links that should have been settled by now (paid or expired), oldest first. */
    List<Payment> findByStatusAndExpiresAtBeforeOrderByExpiresAtAsc(
            Payment.Status status, Instant before, Pageable page);
}
