package io.tiffin.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.ordering.PricedCart.PricedLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every (status, command) pair, against an expectation written out here independently of the
 * table in {@link OrderLifecycle}: allowed pairs move the order, record the timeline and raise one
 * event; every other pair throws and changes nothing.
 */
class OrderLifecycleUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Map<OrderStatus, Map<OrderCommand, OrderStatus>> EXPECTED = new EnumMap<>(OrderStatus.class);

    static {
        EXPECTED.put(
                OrderStatus.PLACED,
                Map.of(
                        OrderCommand.ACCEPT,
                        OrderStatus.ACCEPTED,
                        OrderCommand.REJECT,
                        OrderStatus.REJECTED,
                        OrderCommand.CANCEL,
                        OrderStatus.CANCELLED));
        // not paid yet: the kitchen cannot take it on, only turn it down
        EXPECTED.put(
                OrderStatus.AWAITING_PAYMENT,
                Map.of(OrderCommand.REJECT, OrderStatus.REJECTED, OrderCommand.CANCEL, OrderStatus.CANCELLED));
        EXPECTED.put(
                OrderStatus.ACCEPTED,
                Map.of(
                        OrderCommand.START_PREPARING,
                        OrderStatus.PREPARING,
                        OrderCommand.MARK_READY,
                        OrderStatus.READY,
                        OrderCommand.CANCEL,
                        OrderStatus.CANCELLED,
                        OrderCommand.DRIVER_PICK_UP,
                        OrderStatus.PICKED_UP));
        EXPECTED.put(
                OrderStatus.PREPARING,
                Map.of(
                        OrderCommand.MARK_READY,
                        OrderStatus.READY,
                        OrderCommand.CANCEL,
                        OrderStatus.CANCELLED,
                        OrderCommand.DRIVER_PICK_UP,
                        OrderStatus.PICKED_UP));
        EXPECTED.put(
                OrderStatus.READY,
                Map.of(
                        OrderCommand.HAND_OVER,
                        OrderStatus.PICKED_UP,
                        OrderCommand.CANCEL,
                        OrderStatus.CANCELLED,
                        OrderCommand.DRIVER_PICK_UP,
                        OrderStatus.PICKED_UP));
        EXPECTED.put(
                OrderStatus.PICKED_UP,
                Map.of(
                        OrderCommand.DELIVER,
                        OrderStatus.DELIVERED,
                        OrderCommand.CANCEL_UNDELIVERED,
                        OrderStatus.CANCELLED));
        EXPECTED.put(OrderStatus.DELIVERED, Map.of());
        EXPECTED.put(OrderStatus.REJECTED, Map.of());
        EXPECTED.put(OrderStatus.CANCELLED, Map.of());
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            for (OrderCommand command : OrderCommand.values()) {
                pairs.add(Arguments.of(status, command));
            }
        }
        return pairs.stream();
    }

    @Test
    void expectationCoversEveryStatus() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void tableMatchesTheExpectation(OrderStatus status, OrderCommand command) {
        assertThat(OrderLifecycle.next(status, command))
                .isEqualTo(java.util.Optional.ofNullable(EXPECTED.get(status).get(command)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void aggregateFollowsTheTable(OrderStatus status, OrderCommand command) {
        Order order = orderIn(status);
        int timelineBefore = order.timeline().size();
        OrderStatus expected = EXPECTED.get(status).get(command);

        if (expected == null) {
            assertThatThrownBy(() -> apply(order, command))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(status.name())
                    .hasMessageContaining(command.name());
            assertThat(order.status()).isEqualTo(status);
            assertThat(order.timeline()).hasSize(timelineBefore);
            assertThat(order.pendingEvents()).isEmpty();
            return;
        }
        apply(order, command);

        assertThat(order.status()).isEqualTo(expected);
        assertThat(order.timeline()).hasSize(timelineBefore + 1);
        assertThat(order.timeline().getLast().status()).isEqualTo(expected);
        assertThat(order.timeline().getLast().at()).isEqualTo(NOW);
        assertThat(order.pendingEvents()).singleElement().isInstanceOfSatisfying(OrderStatusChanged.class, e -> {
            assertThat(e.from()).isEqualTo(status);
            assertThat(e.to()).isEqualTo(expected);
            assertThat(e.merchantId()).isEqualTo("m1");
            assertThat(e.customerId()).isEqualTo("9198");
            assertThat(e.channel()).isEqualTo("WHATSAPP");
        });
    }

    @Test
    void acceptSetsTheReadyTimeFromThePrepMinutes() {
        Order order = orderIn(OrderStatus.PLACED);

        order.accept(15, NOW);

        assertThat(order.prepMinutes()).isEqualTo(15);
        assertThat(order.readyAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(((OrderStatusChanged) order.pendingEvents().getFirst()).readyAt())
                .isEqualTo(NOW.plusSeconds(900));
    }

    @Test
    void rejectKeepsTheReasonForTheCustomer() {
        Order order = orderIn(OrderStatus.PLACED);

        order.reject("  Out of paneer  ", NOW);

        assertThat(order.reason()).isEqualTo("Out of paneer");
        assertThat(((OrderStatusChanged) order.pendingEvents().getFirst()).reason())
                .isEqualTo("Out of paneer");
    }

    @Test
    void everyEventCarriesTheCustomersLanguageAndEnglishWhenThereIsNone() {
        Order hindi = orderIn(OrderStatus.PLACED, "hi");
        Order none = orderIn(OrderStatus.PLACED, " ");
        Order region = orderIn(OrderStatus.PLACED, "hi_IN");

        hindi.accept(15, NOW);
        none.accept(15, NOW);

        assertThat(((OrderStatusChanged) hindi.pendingEvents().getFirst()).language())
                .isEqualTo("hi");
        assertThat(((OrderStatusChanged) none.pendingEvents().getFirst()).language())
                .isEqualTo("en");
        assertThat(region.language()).isEqualTo("hi-IN");
        assertThat(new PlaceOrder("m1", "WHATSAPP", null, List.of(), Order.FulfilmentType.PICKUP, null, null)
                        .language())
                .isEqualTo("en");
    }

    @Test
    void anOrderStoredBeforeItHadALanguageReadsAsEnglish() {
        Order old = orderIn(OrderStatus.PLACED, "hi");
        ReflectionTestUtils.setField(old, "language", null);

        old.cancel("Customer called", NOW);

        assertThat(old.language()).isEqualTo("en");
        assertThat(((OrderStatusChanged) old.pendingEvents().getFirst()).language())
                .isEqualTo("en");
    }

    @Test
    void thePlatformsRejectionIsMarkedAutomaticAndTheKitchensIsNot() {
        Order unaccepted = orderIn(OrderStatus.PLACED);
        Order declined = orderIn(OrderStatus.PLACED);

        unaccepted.rejectUnaccepted("Not accepted in time", NOW);
        declined.reject("Out of paneer", NOW);

        OrderStatusChanged automatic =
                (OrderStatusChanged) unaccepted.pendingEvents().getFirst();
        assertThat(automatic.to()).isEqualTo(OrderStatus.REJECTED);
        assertThat(automatic.automatic()).isTrue();
        assertThat(unaccepted.reason()).isEqualTo("Not accepted in time");
        assertThat(((OrderStatusChanged) declined.pendingEvents().getFirst()).automatic())
                .isFalse();
        assertThatThrownBy(() -> orderIn(OrderStatus.ACCEPTED).rejectUnaccepted("late", NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void refusesAcceptWithoutSensiblePrepTimeOrRejectWithoutReason() {
        assertThatThrownBy(() -> orderIn(OrderStatus.PLACED).accept(0, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orderIn(OrderStatus.PLACED).reject(" ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escalatesAWaitingOrderOnlyOnce() {
        Order order = orderIn(OrderStatus.PLACED);

        assertThat(order.escalate(NOW, NOW.plusSeconds(300))).isTrue();
        assertThat(order.escalate(NOW, NOW.plusSeconds(300))).isFalse();
        assertThat(order.pendingEvents()).singleElement().isInstanceOf(OrderNeedsAttention.class);
        Order accepted = orderIn(OrderStatus.ACCEPTED);
        assertThat(accepted.escalate(NOW, NOW)).isFalse();
    }

    @Test
    void aNewOrderKeepsItsPlacementInItsOutboxNamingItsOwnId() {
        PricedCart cart = new PricedCart(
                "INR", List.of(new PricedLine("naan", "Garlic Naan", 2, List.of(), null, 7000, 14000)), 14000);
        Order order = new Order(
                "m1",
                "1001",
                "WHATSAPP",
                new Order.Customer("9198", "Asha"),
                cart,
                Order.FulfilmentType.PICKUP,
                null,
                null,
                "en",
                NOW);

        order.accept(10, NOW);

        assertThat(order.id()).isNotBlank();
        assertThat(order.pendingEvents())
                .satisfiesExactly(
                        placed -> assertThat(placed).isEqualTo(new OrderPlaced(order.id(), "m1", "1001", 14000, "INR")),
                        accepted -> assertThat(((OrderStatusChanged) accepted).orderId())
                                .isEqualTo(order.id()));
    }

    private static void apply(Order order, OrderCommand command) {
        switch (command) {
            case ACCEPT -> order.accept(20, NOW);
            case START_PREPARING -> order.startPreparing(NOW);
            case MARK_READY -> order.markReady(NOW);
            case HAND_OVER -> order.handOver(NOW);
            case DELIVER -> order.deliver(NOW);
            case REJECT -> order.reject("Kitchen closed", NOW);
            case CANCEL -> order.cancel("Customer called", NOW);
            case DRIVER_PICK_UP -> order.pickUpByDriver(NOW);
            case CANCEL_UNDELIVERED -> order.cancelUndelivered("Nobody at the door", NOW);
        }
    }

    /** A fresh order put straight into a status (as if loaded from the store), with no pending events. */
    static Order orderIn(OrderStatus status) {
        return orderIn(status, null);
    }

    static Order orderIn(OrderStatus status, String language) {
        PricedCart cart = new PricedCart(
                "INR", List.of(new PricedLine("naan", "Garlic Naan", 2, List.of(), null, 7000, 14000)), 14000);
        Order order = new Order(
                "m1",
                "1001",
                "WHATSAPP",
                new Order.Customer("9198", "Asha"),
                cart,
                Order.FulfilmentType.PICKUP,
                null,
                null,
                language,
                NOW.minusSeconds(600));
        ReflectionTestUtils.setField(order, "status", status);
        ReflectionTestUtils.setField(order, "outbox", new ArrayList<>());
        return order;
    }
}
