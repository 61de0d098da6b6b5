package io.tiffin.dispatch.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.fleet.DriverLocations;
import io.tiffin.dispatch.fleet.FleetService;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.Ordering;
import io.tiffin.platform.NotFoundException;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's tracking link, without login. The token is the only key: a wrong one, and one past
 * its time (an hour after the delivery ended), both answer the same bare 404. Nothing but this order's
 * number, status, ETA and the driver's first name (and position while the food is on its way) leaves.
 */
@RestController
@Tag(name = "Tracking")
class TrackingController {

    record Tracked(String orderNumber, String status, String deliveryStatus, Instant eta, TrackedDriver driver) {}

    record TrackedDriver(String name, GeoPoint location, Instant locatedAt) {}

    private final DeliveryService deliveries;
    private final Ordering ordering;
    private final FleetService fleet;

    TrackingController(DeliveryService deliveries, Ordering ordering, FleetService fleet) {
        this.deliveries = deliveries;
        this.ordering = ordering;
        this.fleet = fleet;
    }

    @GetMapping("/api/v1/track/{token}")
    @Operation(
            summary =
                    "An order's status, ETA and driver for its tracking link (no login; 404 for a wrong or expired token)")
    ResponseEntity<Tracked> track(@PathVariable String token) {
        Delivery d = deliveries.tracked(token).orElseThrow(() -> new NotFoundException("tracking link"));
        String status = ordering.find(d.merchantId(), d.orderId())
                .map(Order::status)
                .map(Enum::name)
                .orElse(null);
        TrackedDriver driver = null;
        if (d.driverId() != null && d.status() != DeliveryStatus.CANCELLED) {
            GeoPoint location = null;
            Instant at = null;
            if (d.status().carried()) {
                DriverLocations.Position p = fleet.positionOf(d.driverId());
                if (p != null) {
                    location = p.point();
                    at = p.at();
                }
            }
            driver = new TrackedDriver(d.driverName(), location, at);
        }
        Instant eta = d.status().open() ? d.eta() : null;
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Tracked(d.orderNumber(), status, d.status().name(), eta, driver));
    }
}
