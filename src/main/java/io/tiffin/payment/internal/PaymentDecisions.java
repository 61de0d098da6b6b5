package io.tiffin.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Applies one decision to one payment: read, decide, save with the version check, and on a concurrent
 * change (a webhook racing the reconciliation, two deliveries of one event) decide again on the fresh
 * copy. A decision that changes nothing saves nothing.
 */
@Component
class PaymentDecisions {

    private static final Logger log = LoggerFactory.getLogger(PaymentDecisions.class);

    private final Payments payments;
    private final Clock clock;

    PaymentDecisions(Payments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    Optional<Payment> find(String orderId) {
        return payments.findById(orderId);
    }

    /** Answers whether the decision changed the payment; empty when there is no payment for the order. */
    Optional<Boolean> apply(String orderId, BiPredicate<Payment, Instant> decision) {
        for (int attempt = 0; ; attempt++) {
            Optional<Payment> found = payments.findById(orderId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Payment payment = found.get();
            if (!decision.test(payment, clock.instant())) {
                return Optional.of(false);
            }
            try {
                payments.save(payment);
                return Optional.of(true);
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= 5) {
                    throw raced;
                }
                log.debug("payment {} changed meanwhile; deciding again", orderId);
            }
        }
    }
}
