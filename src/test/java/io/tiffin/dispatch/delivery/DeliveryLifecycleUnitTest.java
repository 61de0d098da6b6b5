package io.tiffin.dispatch.delivery;

import static io.tiffin.dispatch.delivery.Deliveries4Test.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.dispatch.DeliveryUpdated;
import io.tiffin.platform.ConflictException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (status, tap) pair against an expectation written out here, apart from the table: a move
 * changes the status and tells the board; a repeat changes nothing; anything else is a conflict and
 * changes nothing.
 */
class DeliveryLifecycleUnitTest {

    private static final Map<DeliveryStatus, Map<StopAction, DeliveryStatus>> MOVES =
            new EnumMap<>(DeliveryStatus.class);
    private static final Map<DeliveryStatus, Set<StopAction>> REPEATS = new EnumMap<>(DeliveryStatus.class);

    static {
        MOVES.put(
                DeliveryStatus.ASSIGNED,
                Map.of(
                        StopAction.ARRIVE_PICKUP,
                        DeliveryStatus.AT_PICKUP,
                        StopAction.PICK_UP,
                        DeliveryStatus.PICKED_UP));
        MOVES.put(DeliveryStatus.AT_PICKUP, Map.of(StopAction.PICK_UP, DeliveryStatus.PICKED_UP));
        MOVES.put(
                DeliveryStatus.PICKED_UP,
                Map.of(
                        StopAction.ARRIVE_DROPOFF,
                        DeliveryStatus.AT_DROPOFF,
                        StopAction.DELIVER,
                        DeliveryStatus.DELIVERED,
                        StopAction.FAIL,
                        DeliveryStatus.FAILED));
        MOVES.put(
                DeliveryStatus.AT_DROPOFF,
                Map.of(StopAction.DELIVER, DeliveryStatus.DELIVERED, StopAction.FAIL, DeliveryStatus.FAILED));
        REPEATS.put(DeliveryStatus.AT_PICKUP, Set.of(StopAction.ARRIVE_PICKUP));
        REPEATS.put(DeliveryStatus.PICKED_UP, Set.of(StopAction.ARRIVE_PICKUP, StopAction.PICK_UP));
        REPEATS.put(
                DeliveryStatus.AT_DROPOFF,
                Set.of(StopAction.ARRIVE_PICKUP, StopAction.PICK_UP, StopAction.ARRIVE_DROPOFF));
        REPEATS.put(
                DeliveryStatus.DELIVERED,
                Set.of(StopAction.ARRIVE_PICKUP, StopAction.PICK_UP, StopAction.ARRIVE_DROPOFF, StopAction.DELIVER));
        REPEATS.put(
                DeliveryStatus.FAILED,
                Set.of(StopAction.ARRIVE_PICKUP, StopAction.PICK_UP, StopAction.ARRIVE_DROPOFF, StopAction.FAIL));
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            for (StopAction action : StopAction.values()) {
                pairs.add(Arguments.of(status, action));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void tableMatchesTheExpectation(DeliveryStatus status, StopAction action) {
        DeliveryLifecycle.Outcome outcome = DeliveryLifecycle.of(status, action);
        DeliveryStatus move = MOVES.getOrDefault(status, Map.of()).get(action);
        if (move != null) {
            assertThat(outcome).isEqualTo(new DeliveryLifecycle.Move(move));
        } else if (REPEATS.getOrDefault(status, Set.of()).contains(action)) {
            assertThat(outcome).isInstanceOf(DeliveryLifecycle.AlreadyDone.class);
        } else {
            assertThat(outcome).isInstanceOf(DeliveryLifecycle.OutOfOrder.class);
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void aggregateFollowsTheTable(DeliveryStatus status, StopAction action) {
        Delivery delivery = Deliveries4Test.in(status);
        DeliveryStatus move = MOVES.getOrDefault(status, Map.of()).get(action);
        // the code check and the reason have their own entry points; the table is the same
        if (move != null) {
            boolean changed = action == StopAction.FAIL
                    ? delivery.fail("Nobody home", NOW)
                    : action == StopAction.DELIVER
                            ? delivery.deliver(Deliveries4Test.CODE, null, NOW) == Delivery.CodeCheck.RIGHT
                            : delivery.act(action, NOW);
            assertThat(changed).isTrue();
            assertThat(delivery.status()).isEqualTo(move);
            assertThat(Deliveries4Test.events(delivery))
                    .anySatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    DeliveryUpdated.class,
                                    u -> assertThat(u.status()).isEqualTo(move.name())));
        } else if (REPEATS.getOrDefault(status, Set.of()).contains(action)) {
            assertThat(delivery.act(action, NOW)).isFalse();
            assertThat(delivery.status()).isEqualTo(status);
            assertThat(delivery.outbox()).isEmpty();
        } else {
            assertThatThrownBy(() -> delivery.act(action, NOW)).isInstanceOf(ConflictException.class);
            assertThat(delivery.status()).isEqualTo(status);
            assertThat(delivery.outbox()).isEmpty();
        }
    }
}
