package io.tiffin.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.dispatch.fleet.Driver;
import io.tiffin.dispatch.planning.StopKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RouteStopUnitTest {

    @ParameterizedTest
    @EnumSource(DeliveryStatus.class)
    void theCustomersPhoneShowsOnlyWhileTheDropOffIsTheActiveStop(DeliveryStatus status) {
        Delivery delivery = Deliveries4Test.in(status);
        boolean active = status == DeliveryStatus.PICKED_UP || status == DeliveryStatus.AT_DROPOFF;

        RouteStop dropoff = RouteStop.of(delivery, StopKind.DROPOFF);
        RouteStop pickup = RouteStop.of(delivery, StopKind.PICKUP);

        assertThat(dropoff.customerPhone()).isEqualTo(active ? "+919800000001" : null);
        assertThat(pickup.customerPhone()).isNull();
        assertThat(dropoff.toString()).doesNotContain(Deliveries4Test.CODE);
    }

    @Test
    void aStopShowsWhatTheDriverNeeds() {
        Delivery delivery = Deliveries4Test.in(DeliveryStatus.ASSIGNED);

        RouteStop pickup = RouteStop.of(delivery, StopKind.PICKUP);
        RouteStop dropoff = RouteStop.of(delivery, StopKind.DROPOFF);

        assertThat(pickup.id()).isEqualTo("d1.p");
        assertThat(pickup.name()).isEqualTo("Spice Route");
        assertThat(dropoff.id()).isEqualTo("d1.d");
        assertThat(dropoff.name()).isEqualTo("Asha");
        assertThat(dropoff.address()).isEqualTo("42 Residency Rd");
        assertThat(dropoff.itemsCount()).isEqualTo(3);
        assertThat(dropoff.cashToCollect()).isEqualTo(90800);
        assertThat(dropoff.status()).isEqualTo("PENDING");
    }

    @Test
    void aDriverWithoutANameIsCalledByTheFirstWordOfTheirEmail() {
        assertThat(Driver.nameFromEmail("ravi.kumar@demo.tiffin.local")).isEqualTo("Ravi");
        assertThat(Driver.nameFromEmail("ASHA-2@x.in")).isEqualTo("Asha");
        assertThat(Driver.nameFromEmail("42@x.in")).isEqualTo("Your driver");
    }
}
