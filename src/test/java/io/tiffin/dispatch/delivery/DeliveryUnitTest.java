package io.tiffin.dispatch.delivery;

import static io.tiffin.dispatch.delivery.Deliveries4Test.CODE;
import static io.tiffin.dispatch.delivery.Deliveries4Test.NOW;
import static io.tiffin.dispatch.delivery.Deliveries4Test.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.dispatch.DeliveryAssigned;
import io.tiffin.dispatch.DeliveryCompleted;
import io.tiffin.dispatch.DeliveryUpdated;
import io.tiffin.dispatch.planning.StopKind;
import io.tiffin.platform.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class DeliveryUnitTest {

    @Test
    void keepsOnlyAHashOfTheCodeOnceTheCustomerWasSentIt() {
        Delivery delivery = Deliveries4Test.waiting();

        delivery.plan("r1", "Ravi", NOW.plusSeconds(600), 0, NOW.plusSeconds(1500), 1, NOW);
        delivery.plan("r2", "Asha", NOW.plusSeconds(700), 0, NOW.plusSeconds(1600), 1, NOW);

        var assigned = events(delivery).stream()
                .filter(DeliveryAssigned.class::isInstance)
                .map(DeliveryAssigned.class::cast)
                .toList();
        assertThat(assigned).hasSize(2);
        assertThat(assigned.get(0).code()).isEqualTo(CODE);
        assertThat(assigned.get(0).driverName()).isEqualTo("Ravi");
        assertThat(assigned.get(0).eta()).isEqualTo(NOW.plusSeconds(1500));
        assertThat(assigned.get(1).code()).isNull();
        assertThat(ReflectionTestUtils.getField(delivery, "pendingCode")).isNull();
        assertThat(ReflectionTestUtils.getField(delivery, "codeHash").toString())
                .doesNotContain(CODE);
        assertThat(delivery.matches(CODE)).isTrue();
        assertThat(delivery.matches("0000")).isFalse();
    }

    @Test
    void aWrongCodeCostsAnAttemptAndTheFifthLocksTheDropOff() {
        Delivery delivery = Deliveries4Test.in(DeliveryStatus.AT_DROPOFF);

        for (int i = 1; i <= 4; i++) {
            assertThat(delivery.deliver("0000", null, NOW)).isEqualTo(Delivery.CodeCheck.WRONG);
            assertThat(delivery.codeAttemptsLeft()).isEqualTo(5 - i);
        }
        assertThat(delivery.outbox()).isEmpty();
        assertThat(delivery.deliver("0000", null, NOW)).isEqualTo(Delivery.CodeCheck.LOCKED);

        assertThat(delivery.locked()).isTrue();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.AT_DROPOFF);
        assertThat(events(delivery))
                .singleElement()
                .isInstanceOfSatisfying(
                        DeliveryUpdated.class, e -> assertThat(e.change()).isEqualTo(DeliveryUpdated.Change.LOCKED));
        // locked: even the right code waits for the merchant
        assertThat(delivery.deliver(CODE, null, NOW)).isEqualTo(Delivery.CodeCheck.LOCKED);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.AT_DROPOFF);

        delivery.retry(NOW);
        assertThat(delivery.locked()).isFalse();
        assertThat(delivery.codeAttemptsLeft()).isEqualTo(5);
        assertThat(delivery.deliver(CODE, null, NOW)).isEqualTo(Delivery.CodeCheck.RIGHT);
    }

    @Test
    void theRightCodeDeliversAndRecordsTheCashCollected() {
        Delivery delivery = Deliveries4Test.in(DeliveryStatus.PICKED_UP);

        assertThat(delivery.deliver(CODE, null, NOW)).isEqualTo(Delivery.CodeCheck.RIGHT);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.cashCollected()).isEqualTo(90800);
        assertThat(delivery.closedAt()).isEqualTo(NOW);
        assertThat(delivery.dropoffStop().doneAt()).isEqualTo(NOW);
        assertThat(events(delivery))
                .filteredOn(DeliveryCompleted.class::isInstance)
                .hasSize(1);
    }

    @Test
    void thePlannerNeitherMovesAStartedStopNorAPinnedDriver() {
        Delivery started = Deliveries4Test.in(DeliveryStatus.AT_PICKUP);
        Delivery pinned = Deliveries4Test.waiting();
        pinned.pin("r1", "Ravi", NOW);

        assertThat(started.plan("r2", "Asha", NOW, 0, NOW.plusSeconds(60), 1, NOW))
                .isFalse();
        assertThat(pinned.plan("r2", "Asha", NOW, 0, NOW.plusSeconds(60), 1, NOW))
                .isFalse();

        assertThat(started.driverId()).isEqualTo("r1");
        assertThat(pinned.driverId()).isEqualTo("r1");
        assertThat(pinned.status()).isEqualTo(DeliveryStatus.ASSIGNED);
        // the same driver's new times are taken
        assertThat(pinned.plan("r1", "Ravi", NOW, 0, NOW.plusSeconds(900), 1, NOW))
                .isTrue();
        assertThat(pinned.eta()).isEqualTo(NOW.plusSeconds(900));
        assertThat(pinned.unassign(NOW)).isFalse();
    }

    @Test
    void aPinIsGivenUpOnlyBeforeTheDriverStarted() {
        Delivery unstarted = Deliveries4Test.waiting();
        unstarted.pin("r1", "Ravi", NOW);
        Delivery started = Deliveries4Test.in(DeliveryStatus.AT_PICKUP);
        ReflectionTestUtils.setField(started, "pinned", true);

        assertThat(unstarted.releasePin()).isTrue();
        assertThat(started.releasePin()).isFalse();
        assertThat(unstarted.plan("r2", "Asha", NOW, 0, NOW.plusSeconds(60), 1, NOW))
                .isTrue();
        assertThat(unstarted.driverId()).isEqualTo("r2");
        assertThat(started.pinned()).isTrue();
    }

    @Test
    void aStartedDeliveryCannotBePinnedToSomeoneElse() {
        Delivery carried = Deliveries4Test.in(DeliveryStatus.PICKED_UP);

        assertThatThrownBy(() -> carried.pin("r2", "Asha", NOW)).isInstanceOf(ConflictException.class);
        assertThat(carried.driverId()).isEqualTo("r1");
    }

    @Test
    void unassigningSendsItBackToWaiting() {
        Delivery delivery = Deliveries4Test.waiting();
        delivery.plan("r1", "Ravi", NOW, 0, NOW.plusSeconds(600), 1, NOW);

        assertThat(delivery.unassign(NOW)).isTrue();

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(delivery.driverId()).isNull();
        assertThat(delivery.eta()).isNull();
        assertThat(events(delivery).getLast())
                .isInstanceOfSatisfying(
                        DeliveryUpdated.class,
                        e -> assertThat(e.previousDriverId()).isEqualTo("r1"));
    }

    @Test
    void aSmallEtaShiftIsStoredButNotAnnounced() {
        Delivery delivery = Deliveries4Test.in(DeliveryStatus.ASSIGNED);
        delivery.plan("r1", "Ravi", NOW, 0, NOW.plusSeconds(600), 1, NOW);
        int before = delivery.outbox().size();

        assertThat(delivery.plan("r1", "Ravi", NOW, 0, NOW.plusSeconds(660), 1, NOW))
                .isTrue();
        assertThat(delivery.outbox()).hasSize(before);
        assertThat(delivery.plan("r1", "Ravi", NOW, 0, NOW.plusSeconds(900), 1, NOW))
                .isTrue();
        assertThat(delivery.outbox()).hasSize(before + 1);
    }

    @Test
    void aFailedDropOffNeedsAReasonAndCanBeRetried() {
        Delivery delivery = Deliveries4Test.in(DeliveryStatus.AT_DROPOFF);

        assertThatThrownBy(() -> delivery.fail(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(delivery.fail("Customer not answering", NOW)).isTrue();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.failureReason()).isEqualTo("Customer not answering");

        delivery.retry(NOW);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PICKED_UP);
        assertThat(delivery.stop(StopKind.DROPOFF).doneAt()).isNull();
    }

    @Test
    void withoutCoordinatesItWaitsForTheMerchantsPin() {
        Delivery delivery = new Delivery(
                "d2",
                "o2",
                "m1",
                "1043",
                new Delivery.Customer("c", "Asha", "WEB", "en"),
                new Delivery.Place("Spice Route", "4 Park St", new io.tiffin.dispatch.GeoPoint(22.55, 88.35)),
                new Delivery.Place("Asha", "near the big temple", null),
                NOW,
                NOW.plusSeconds(1800),
                1,
                100,
                "INR",
                "1111",
                "tok-abcdefghijklmnop",
                NOW);

        assertThat(delivery.needsLocation()).isTrue();
        assertThat(delivery.plan("r1", "Ravi", NOW, 0, NOW, 1, NOW)).isFalse();

        delivery.locate(new io.tiffin.dispatch.GeoPoint(22.57, 88.37), NOW);
        assertThat(delivery.needsLocation()).isFalse();
        assertThat(delivery.dropoff().address()).isEqualTo("near the big temple");
        assertThat(delivery.plan("r1", "Ravi", NOW, 0, NOW, 1, NOW)).isTrue();
    }
}
