package io.tiffin.dispatch.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.internal.HaversineTravelTimes;
import io.tiffin.dispatch.internal.JspritPlanner;
import io.tiffin.dispatch.internal.PlanChecker;
import io.tiffin.dispatch.planning.DeliverySnapshot.Progress;
import io.tiffin.dispatch.planning.DispatchPlan.PlannedStop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DispatchPlannerUnitTest {

    static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");
    static final GeoPoint KITCHEN = new GeoPoint(12.9756, 77.6050);

    final DispatchPlanner planner = new DispatchPlanner(
            new JspritPlanner(2),
            new HaversineTravelTimes(1.3, 25),
            new DispatchPlanner.Settings(Duration.ofMinutes(3), Duration.ofMinutes(2), Duration.ofMillis(600)));

    static GeoPoint near(double northKm, double eastKm) {
        return new GeoPoint(KITCHEN.lat() + northKm / 111.0, KITCHEN.lng() + eastKm / 108.5);
    }

    static DriverSnapshot driver(String id, GeoPoint at, int capacity) {
        return new DriverSnapshot(id, "m1", id, at, NOW, capacity);
    }

    static DeliverySnapshot order(
            String id,
            GeoPoint dropoff,
            int readyInMinutes,
            int dueInMinutes,
            String driverId,
            boolean pinned,
            Progress progress) {
        return new DeliverySnapshot(
                id,
                "order-" + id,
                "m1",
                KITCHEN,
                dropoff,
                NOW.plus(Duration.ofMinutes(readyInMinutes)),
                NOW.plus(Duration.ofMinutes(dueInMinutes)),
                driverId,
                pinned,
                progress);
    }

    /** Ten accepted orders within 3 km, ready over the next 25 minutes, each promised 40 minutes after ready. */
    static List<DeliverySnapshot> tenOrders(long seed) {
        Random random = new Random(seed);
        List<DeliverySnapshot> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int ready = 2 + random.nextInt(24);
            GeoPoint dropoff = near(random.nextDouble() * 6 - 3, random.nextDouble() * 6 - 3);
            orders.add(order("d" + i, dropoff, ready, ready + 40, null, false, Progress.WAITING));
        }
        return orders;
    }

    static List<DriverSnapshot> threeDrivers() {
        return List.of(driver("a", near(0.2, 0), 4), driver("b", near(-1, 1), 4), driver("c", near(1.5, -0.5), 4));
    }

    @Test
    void assignsTenOrdersToThreeDriversOnFeasibleRoutes() {
        List<DeliverySnapshot> orders = tenOrders(7);

        DispatchPlanner.Detailed result = planner.planInDetail("m1", threeDrivers(), orders, NOW);

        DispatchPlan plan = result.dispatch();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(PlanChecker.violations(result.problem(), result.plan())).isEmpty();
        assertThat(violations(plan, threeDrivers(), orders)).isEmpty();
        assertThat(plan.routes().values().stream()
                        .flatMap(List::stream)
                        .map(PlannedStop::deliveryId)
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(
                        orders.stream().map(DeliverySnapshot::deliveryId).toList());
        // loose enough that every order can be on time: the plan must find that
        assertThat(result.plan().lateness()).isZero();
        for (DeliverySnapshot order : orders) {
            assertThat(dropoffEta(plan, order.deliveryId())).isBeforeOrEqualTo(order.dueBy());
        }
    }

    @Test
    void aDriverGoingOfflineLosesUnstartedOrdersButKeepsWhatIsOnBoard() {
        List<DeliverySnapshot> orders = new ArrayList<>(tenOrders(11));
        DispatchPlan first = planner.plan("m1", threeDrivers(), orders, NOW);
        String leaving = first.routes().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .findFirst()
                .orElseThrow()
                .getKey();
        // the leaving driver picked up one order; every other order keeps the assignment of the first plan
        List<String> theirs = first.routes().get(leaving).stream()
                .map(PlannedStop::deliveryId)
                .distinct()
                .toList();
        String pickedUp = theirs.getFirst();
        List<DeliverySnapshot> now = new ArrayList<>();
        for (DeliverySnapshot o : orders) {
            String driver = driverOf(first, o.deliveryId());
            Progress progress = o.deliveryId().equals(pickedUp) ? Progress.PICKED_UP : Progress.ASSIGNED;
            now.add(order(o.deliveryId(), o.dropoff(), 2, 60, driver, false, progress));
        }
        List<DriverSnapshot> remaining = threeDrivers().stream()
                .filter(d -> !d.driverId().equals(leaving))
                .toList();

        DispatchPlanner.Detailed result = planner.planInDetail("m1", remaining, now, NOW);

        DispatchPlan next = result.dispatch();
        assertThat(next.routes()).doesNotContainKey(leaving);
        assertThat(next.unassigned()).isEmpty();
        assertThat(PlanChecker.violations(result.problem(), result.plan())).isEmpty();
        assertThat(violations(next, remaining, now)).isEmpty();
        for (String id : theirs) {
            if (id.equals(pickedUp)) {
                assertThat(driverOf(next, id))
                        .as("picked up: left with its driver, not planned")
                        .isNull();
            } else {
                assertThat(driverOf(next, id))
                        .as(id + " re-planned")
                        .isIn(remaining.stream().map(DriverSnapshot::driverId).toList());
            }
        }
    }

    @Test
    void keepsAHandAssignmentEvenWhenAnotherDriverIsCloser() {
        GeoPoint home = near(2, 2);
        List<DriverSnapshot> drivers = List.of(driver("close", KITCHEN, 4), driver("far", near(-3, -3), 4));
        List<DeliverySnapshot> orders = List.of(
                order("mine", home, 10, 60, "far", true, Progress.ASSIGNED),
                order("free", near(-1, -1), 10, 60, "far", false, Progress.ASSIGNED));

        DispatchPlanner.Detailed result = planner.planInDetail("m1", drivers, orders, NOW);

        assertThat(driverOf(result.dispatch(), "mine")).isEqualTo("far");
        assertThat(driverOf(result.dispatch(), "free")).isEqualTo("close");
        assertThat(PlanChecker.violations(result.problem(), result.plan())).isEmpty();
    }

    @Test
    void neverMovesAStartedStop() {
        List<DriverSnapshot> drivers =
                List.of(driver("a", KITCHEN, 2), driver("b", near(1, 1), 4), driver("c", near(-2, 0), 4));
        List<DeliverySnapshot> orders = new ArrayList<>(List.of(
                // a waits at the kitchen for food ready in 5 minutes, with one more order already on board
                order("at-kitchen", near(-2, 0.1), 5, 45, "a", false, Progress.AT_PICKUP),
                order("in-bag", near(2, 2), 0, 30, "a", false, Progress.PICKED_UP),
                // c stands at a door
                order("at-door", near(-2, 0), 0, 20, "c", false, Progress.AT_DROPOFF),
                // b is on the way with food for somewhere near c
                order("on-way", near(-2, 0.2), 0, 30, "b", false, Progress.PICKED_UP)));
        orders.addAll(tenOrders(3));

        DispatchPlanner.Detailed result = planner.planInDetail("m1", drivers, orders, NOW);

        DispatchPlan plan = result.dispatch();
        assertThat(PlanChecker.violations(result.problem(), result.plan())).isEmpty();
        assertThat(violations(plan, drivers, orders)).isEmpty();
        assertThat(plan.routes().get("a").getFirst()).isEqualTo(new PlannedStop("at-kitchen", StopKind.PICKUP, NOW));
        assertThat(driverOf(plan, "in-bag")).isEqualTo("a");
        assertThat(plan.routes().get("c").getFirst().deliveryId()).isEqualTo("at-door");
        assertThat(driverOf(plan, "on-way")).isEqualTo("b");
        // a holds two and has two (one in the bag, one being handed over): violations() above found no
        // third pickup before a drop-off on a, and nothing was left out
        assertThat(plan.unassigned()).isEmpty();
    }

    @Test
    void withNoDriverEveryUnstartedOrderWaits() {
        List<DeliverySnapshot> orders = List.of(
                order("new", near(1, 1), 5, 40, null, false, Progress.WAITING),
                order("gone-driver", near(1, 1), 5, 40, "x", true, Progress.ASSIGNED),
                order("bagged", near(1, 1), 0, 40, "x", false, Progress.PICKED_UP));

        DispatchPlan plan = planner.plan("m1", List.of(), orders, NOW);

        assertThat(plan.routes()).isEmpty();
        assertThat(plan.unassigned()).containsExactlyInAnyOrder("new", "gone-driver");
    }

    @Test
    void anOrderWithoutCoordinatesWaitsWhileTheOthersArePlanned() {
        List<DeliverySnapshot> orders = List.of(
                order("placed", near(1, 1), 5, 40, null, false, Progress.WAITING),
                new DeliverySnapshot(
                        "no-pin",
                        "order-no-pin",
                        "m1",
                        KITCHEN,
                        null,
                        NOW,
                        NOW.plusSeconds(2400),
                        null,
                        false,
                        Progress.WAITING));

        DispatchPlan plan = planner.plan("m1", threeDrivers(), orders, NOW);

        assertThat(plan.unassigned()).containsExactly("no-pin");
        assertThat(driverOf(plan, "placed")).isNotNull();
    }

    private static String driverOf(DispatchPlan plan, String deliveryId) {
        return plan.routes().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> s.deliveryId().equals(deliveryId)))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static Instant dropoffEta(DispatchPlan plan, String deliveryId) {
        return plan.routes().values().stream()
                .flatMap(List::stream)
                .filter(s -> s.deliveryId().equals(deliveryId) && s.kind() == StopKind.DROPOFF)
                .map(PlannedStop::eta)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Checks a dispatch plan on its own terms: each delivery on one driver, picked up (or already on
     * board) before it is dropped off, load never above capacity counting what is on board, ETAs in
     * route order.
     */
    static List<String> violations(DispatchPlan plan, List<DriverSnapshot> drivers, List<DeliverySnapshot> deliveries) {
        List<String> out = new ArrayList<>();
        Map<String, DeliverySnapshot> byId = new HashMap<>();
        deliveries.forEach(d -> byId.put(d.deliveryId(), d));
        Map<String, String> driverOfDelivery = new HashMap<>();
        for (Map.Entry<String, List<PlannedStop>> route : plan.routes().entrySet()) {
            DriverSnapshot driver = drivers.stream()
                    .filter(d -> d.driverId().equals(route.getKey()))
                    .findFirst()
                    .orElse(null);
            if (driver == null) {
                out.add("route for unavailable driver " + route.getKey());
                continue;
            }
            int load = (int) deliveries.stream()
                    .filter(d -> route.getKey().equals(d.driverId())
                            && (d.progress() == Progress.PICKED_UP || d.progress() == Progress.AT_DROPOFF))
                    .count();
            List<String> pickedUp = new ArrayList<>();
            Instant previous = plan.plannedAt();
            for (PlannedStop stop : route.getValue()) {
                DeliverySnapshot d = byId.get(stop.deliveryId());
                String other = driverOfDelivery.put(stop.deliveryId(), route.getKey());
                if (other != null && !other.equals(route.getKey())) {
                    out.add(stop.deliveryId() + " on two drivers");
                }
                if (stop.eta().isBefore(previous)) {
                    out.add(stop.deliveryId() + ": ETA earlier than the stop before");
                }
                previous = stop.eta();
                if (stop.kind() == StopKind.PICKUP) {
                    pickedUp.add(stop.deliveryId());
                    load++;
                } else {
                    boolean onBoard = d.progress() == Progress.PICKED_UP || d.progress() == Progress.AT_DROPOFF;
                    if (!onBoard && !pickedUp.contains(stop.deliveryId())) {
                        out.add(stop.deliveryId() + ": dropped off before it is picked up");
                    }
                    load--;
                }
                if (load > driver.capacity()) {
                    out.add(route.getKey() + " over capacity at " + stop.deliveryId());
                }
            }
        }
        return out;
    }
}
