package io.tiffin.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles links whose webhook never came: every link still waiting a while after its expiry is asked
 * about at Razorpay, and paid, expired or cancelled is applied exactly as the webhook would have
 * (the same decisions, so a webhook arriving later changes nothing). One instance runs it at a time,
 * under a Redis lock that expires by itself if that instance dies.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final String LOCK = "tiffin:lock:payment-reconciliation";

    private final Payments payments;
    private final PaymentDecisions decisions;
    private final RazorpayClient razorpay;
    private final RazorpayProperties properties;
    private final StringRedisTemplate redis;
    private final Clock clock;

    Reconciliation(Payments payments, PaymentDecisions decisions, RazorpayClient razorpay, RazorpayProperties properties,
            StringRedisTemplate redis, Clock clock) {
        this.payments = payments;
        this.decisions = decisions;
        this.razorpay = razorpay;
        this.properties = properties;
        this.redis = redis;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tiffin.razorpay.reconcile-every:1m}", initialDelayString = "${tiffin.razorpay.reconcile-every:1m}")
    void scheduled() {
        if (!properties.configured()) {
            return;
        }
        String token = java.util.UUID.randomUUID().toString();
        Boolean mine = redis.opsForValue().setIfAbsent(LOCK, token, properties.reconcileEvery().plusMinutes(1));
        if (!Boolean.TRUE.equals(mine)) {
            return;
        }
        try {
            reconcile(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Payment reconciliation failed: {}", e.toString());
        } finally {
            if (token.equals(redis.opsForValue().get(LOCK))) {
                redis.delete(LOCK);
            }
        }
    }

    /** One pass as of {@code now}; answers how many payments it settled. */
    int reconcile(Instant now) {
        List<Payment> overdue = payments.findByStatusAndExpiresAtBeforeOrderByExpiresAtAsc(Payment.Status.LINK_SENT,
                now.minus(properties.reconcileGrace()), PageRequest.of(0, 100));
        int settled = 0;
        for (Payment payment : overdue) {
            try {
                RazorpayClient.Link link = razorpay.fetchLink(payment.linkId());
                boolean changed = switch (link.status()) {
                    case "paid" -> link.paymentId() != null && decisions.apply(payment.orderId(),
                            (p, at) -> p.received(link.paymentId(), link.amountPaid(), link.currency(), at)).orElse(false);
                    case "expired", "cancelled" -> decisions.apply(payment.orderId(), (p, at) -> p.expired(at)).orElse(false);
                    default -> false; // still payable at Razorpay: its own expiry comes first
                };
                if (changed) {
                    settled++;
                    log.info("Reconciled payment of order {}: link {} is {}", payment.orderId(), link.id(), link.status());
                }
            } catch (RuntimeException e) {
                log.warn("Could not reconcile the payment of order {}: {}", payment.orderId(), e.toString());
            }
        }
        return settled;
    }
}
