package io.tiffin.dispatch.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.dispatch.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporaryRedispatchUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final GeoPoint KITCHEN = new GeoPoint(12.9756, 77.6050);

    @Test
    void givesEachWaitingDeliveryToTheNearestDriverWithRoom() {
        DriverSnapshot near = driver("near", 12.9760, 77.6050, 1);
        DriverSnapshot far = driver("far", 13.0500, 77.7000, 4);
        List<DeliverySnapshot> waiting = List.of(waiting("a"), waiting("b"));

        DispatchPlan plan = TemporaryRedispatch.plan("m1", List.of(near, far), waiting, NOW);

        assertThat(plan.routes().get("near")).extracting(DispatchPlan.PlannedStop::deliveryId).containsExactly("a", "a");
        assertThat(plan.routes().get("far")).extracting(DispatchPlan.PlannedStop::deliveryId).containsExactly("b", "b");
        assertThat(plan.routes().get("near")).extracting(DispatchPlan.PlannedStop::kind)
                .containsExactly(StopKind.PICKUP, StopKind.DROPOFF);
        // pickup not before the kitchen's ready time, drop-off after it
        assertThat(plan.routes().get("near").get(0).eta()).isEqualTo(NOW.plusSeconds(600));
        assertThat(plan.routes().get("near").get(1).eta()).isAfter(NOW.plusSeconds(600));
        assertThat(plan.unassigned()).isEmpty();
    }

    @Test
    void withNobodyFreeTheDeliveryStaysUnassigned() {
        DispatchPlan plan = TemporaryRedispatch.plan("m1", List.of(), List.of(waiting("a")), NOW);

        assertThat(plan.routes()).isEmpty();
        assertThat(plan.unassigned()).containsExactly("a");
    }

    @Test
    void aDriverWhoLeftLosesTheUnstartedStopsEvenPinnedButKeepsWhatTheyCarry() {
        DriverSnapshot stays = driver("stays", 12.9760, 77.6050, 4);
        List<DeliverySnapshot> open = new ArrayList<>();
        open.add(with("unstarted", "gone", false, DeliverySnapshot.Progress.ASSIGNED));
        open.add(with("pinned", "gone", true, DeliverySnapshot.Progress.ASSIGNED));
        open.add(with("carried", "gone", false, DeliverySnapshot.Progress.PICKED_UP));

        DispatchPlan plan = TemporaryRedispatch.plan("m1", List.of(stays), open, NOW);

        assertThat(plan.routes().get("stays")).extracting(DispatchPlan.PlannedStop::deliveryId)
                .containsOnly("unstarted", "pinned");
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes()).doesNotContainKey("gone");
    }

    private static DriverSnapshot driver(String id, double lat, double lng, int capacity) {
        return new DriverSnapshot(id, "m1", id, new GeoPoint(lat, lng), NOW, capacity);
    }

    private static DeliverySnapshot waiting(String id) {
        return with(id, null, false, DeliverySnapshot.Progress.WAITING);
    }

    private static DeliverySnapshot with(String id, String driverId, boolean pinned, DeliverySnapshot.Progress progress) {
        return new DeliverySnapshot(id, "o-" + id, "m1", KITCHEN, new GeoPoint(12.99, 77.62), NOW.plusSeconds(600),
                NOW.plusSeconds(2400), driverId, pinned, progress);
    }
}
