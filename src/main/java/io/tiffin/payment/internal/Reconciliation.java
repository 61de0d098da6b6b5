package io.tiffin.payment.internal;

import io.tiffin.platform.cluster.ClusterJobs;
import io.tiffin.platform.cluster.ClusterLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles links whose webhook never came: every link still waiting a while after its expiry is asked
 * about at Razorpay, and paid, expired or cancelled is applied exactly as the webhook would have
 * (the same decisions, so a webhook arriving later changes nothing). One instance runs each round
 * ({@link ClusterJobs}), and never two at once (the {@link ClusterLocks} lock, which expires by itself
 * if its instance dies).
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final String JOB = "payment-reconciliation";

    private final Payments payments;
    private final PaymentDecisions decisions;
    private final RazorpayClient razorpay;
    private final RazorpayProperties properties;
    private final ClusterJobs jobs;
    private final ClusterLocks locks;
    private final Clock clock;

    Reconciliation(
            Payments payments,
            PaymentDecisions decisions,
            RazorpayClient razorpay,
            RazorpayProperties properties,
            ClusterJobs jobs,
            ClusterLocks locks,
            Clock clock) {
        this.payments = payments;
        this.decisions = decisions;
        this.razorpay = razorpay;
        this.properties = properties;
        this.jobs = jobs;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tiffin.razorpay.reconcile-every:1m}",
            initialDelayString = "${tiffin.razorpay.reconcile-every:1m}")
    void scheduled() {
        if (!properties.configured()) {
            return;
        }
        jobs.runOnce(
                JOB,
                properties.reconcileEvery(),
                () -> locks.withLock(JOB, Duration.ZERO, () -> {
                    try {
                        reconcile(clock.instant());
                    } catch (RuntimeException e) {
                        log.warn("Payment reconciliation failed: {}", e.toString());
                    }
                }));
    }

    /** One pass as of {@code now}; answers how many payments it settled. */
    int reconcile(Instant now) {
        List<Payment> overdue = payments.findByStatusAndExpiresAtBeforeOrderByExpiresAtAsc(
                Payment.Status.LINK_SENT, now.minus(properties.reconcileGrace()), PageRequest.of(0, 100));
        int settled = 0;
        for (Payment payment : overdue) {
            try {
                RazorpayClient.Link link = razorpay.fetchLink(payment.linkId());
                boolean changed = switch (link.status()) {
                    case "paid" ->
                        link.paymentId() != null
                                && decisions
                                        .apply(
                                                payment.orderId(),
                                                (p, at) -> p.received(
                                                        link.paymentId(), link.amountPaid(), link.currency(), at))
                                        .orElse(false);
                    case "expired", "cancelled" ->
                        decisions
                                .apply(payment.orderId(), (p, at) -> p.expired(at))
                                .orElse(false);
                    default -> false; // still payable at Razorpay: its own expiry comes first
                };
                if (changed) {
                    settled++;
                    log.info(
                            "Reconciled payment of order {}: link {} is {}",
                            payment.orderId(),
                            link.id(),
                            link.status());
                }
            } catch (RuntimeException e) {
                log.warn("Could not reconcile the payment of order {}: {}", payment.orderId(), e.toString());
            }
        }
        return settled;
    }
}
