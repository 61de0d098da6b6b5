package io.tiffin.dispatch.delivery;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.platform.events.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.test.util.ReflectionTestUtils;

/** Test deliveries in any state, as if loaded from the store. */
final class Deliveries4Test {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String CODE = "4821";

    private Deliveries4Test() {}

    static Delivery waiting() {
        return new Delivery(
                "d1",
                "o1",
                "m1",
                "1042",
                new Delivery.Customer("919800000001", "Asha", "WHATSAPP", "en"),
                new Delivery.Place("Spice Route", "4 Park St", new GeoPoint(22.55, 88.35)),
                new Delivery.Place("Asha", "42 Residency Rd", new GeoPoint(22.56, 88.36)),
                NOW.plusSeconds(600),
                NOW.plusSeconds(2400),
                3,
                90800,
                "INR",
                CODE,
                "tok-0123456789abcdefXYZ",
                NOW);
    }

    /** A delivery put straight into a status with driver "r1", with no pending events. */
    static Delivery in(DeliveryStatus status) {
        Delivery d = waiting();
        if (status != DeliveryStatus.WAITING) {
            ReflectionTestUtils.setField(d, "driverId", "r1");
            ReflectionTestUtils.setField(d, "driverName", "Ravi");
        }
        ReflectionTestUtils.setField(d, "status", status);
        ReflectionTestUtils.setField(d, "outbox", new java.util.ArrayList<OutboxEntry>());
        return d;
    }

    static List<Object> events(Delivery d) {
        return d.outbox().stream().map(OutboxEntry::event).toList();
    }
}
