package io.tiffin.ordering.internal;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.platform.cluster.ClusterJobs;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Orders nobody accepted: after {@code alert-after} the boards alert louder, after
 * {@code auto-reject-after} the order is rejected and the customer hears so. One instance sweeps per
 * round ({@link ClusterJobs}); should two ever sweep at once, the version check lets one act on each order.
 */
@Component
class UnacceptedOrders {

    private static final Logger log = LoggerFactory.getLogger(UnacceptedOrders.class);

    private final Orders orders;
    private final OrderingProperties properties;
    private final Clock clock;
    private final ClusterJobs jobs;

    UnacceptedOrders(Orders orders, OrderingProperties properties, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tiffin.orders.sweep-every:15s}",
            initialDelayString = "${tiffin.orders.sweep-every:15s}")
    void sweep() {
        jobs.runOnce("unaccepted-orders", properties.sweepEvery(), () -> sweep(clock.instant()));
    }

    /** One pass as of {@code now}; answers how many orders it escalated or rejected. */
    int sweep(Instant now) {
        int acted = 0;
        List<Order> waiting = orders.findByStatusAndCreatedAtBeforeOrderByCreatedAtAsc(
                OrderStatus.PLACED, now.minus(properties.alertAfter()), PageRequest.of(0, 200));
        for (Order order : waiting) {
            try {
                if (handle(order, now)) {
                    orders.save(order);
                    acted++;
                }
            } catch (OptimisticLockingFailureException raced) {
                log.debug("order {} changed while sweeping; leaving it", order.id());
            }
        }
        return acted;
    }

    private boolean handle(Order order, Instant now) {
        // an order paid online reaches the kitchen when paid: its wait starts then (createdAt picks candidates only)
        Instant rejectAt = order.placedAt().plus(properties.autoRejectAfter());
        if (now.isBefore(order.placedAt().plus(properties.alertAfter()))) {
            return false;
        }
        if (!now.isBefore(rejectAt)) {
            order.rejectUnaccepted(properties.autoRejectReason(), now);
            return true;
        }
        return order.escalate(now, rejectAt);
    }
}
