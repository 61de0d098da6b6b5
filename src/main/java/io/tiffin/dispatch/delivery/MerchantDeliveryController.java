package io.tiffin.dispatch.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.fleet.Driver;
import io.tiffin.dispatch.fleet.DriverLocations;
import io.tiffin.dispatch.fleet.DriverStatus;
import io.tiffin.dispatch.fleet.FleetService;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's side of delivery: the fleet, the open deliveries, and the hand-offs a person decides. */
@RestController
@RequestMapping("/api/v1/merchants/{merchantId}")
@Tag(name = "Delivery")
@SecurityRequirement(name = "bearer")
class MerchantDeliveryController {

    record Assign(@NotBlank @Size(max = 100) String driverId) {}

    record Pin(@NotNull Double lat, @NotNull Double lng) {}

    record Reason(@NotBlank @Size(max = 200) String reason) {}

    record Position(double lat, double lng, Double accuracy, Instant at) {}

    /** A driver on the board: status, load, and the last position with whether it is fresh enough for new work. */
    record FleetDriver(
            String id,
            String firstName,
            DriverStatus status,
            int capacity,
            int load,
            Position location,
            boolean reachable) {}

    private final DeliveryService deliveries;
    private final FleetService fleet;
    private final TenantAccess access;
    private final MerchantDirectory merchants;
    private final Clock clock;

    MerchantDeliveryController(
            DeliveryService deliveries,
            FleetService fleet,
            TenantAccess access,
            MerchantDirectory merchants,
            Clock clock) {
        this.deliveries = deliveries;
        this.fleet = fleet;
        this.access = access;
        this.merchants = merchants;
        this.clock = clock;
    }

    @GetMapping("/drivers")
    @Operation(summary = "The fleet: each driver's status (OFFLINE, AVAILABLE, ON_DELIVERY), load and last location")
    List<FleetDriver> drivers(@PathVariable String merchantId) {
        requireTeam(merchantId);
        List<Driver> drivers = fleet.fleetOf(merchantId);
        Map<String, DriverLocations.Position> live = fleet.positions(drivers);
        Map<String, Integer> loads = new HashMap<>();
        deliveries.open(merchantId).forEach(d -> {
            if (d.driverId() != null) {
                loads.merge(d.driverId(), 1, Integer::sum);
            }
        });
        Instant freshSince = clock.instant().minus(DriverLocations.FRESH);
        return drivers.stream()
                .map(d -> {
                    int load = loads.getOrDefault(d.id(), 0);
                    DriverStatus status = !d.onShift()
                            ? DriverStatus.OFFLINE
                            : load > 0 ? DriverStatus.ON_DELIVERY : DriverStatus.AVAILABLE;
                    DriverLocations.Position p = live.get(d.id());
                    Position position = p != null
                            ? new Position(p.point().lat(), p.point().lng(), p.accuracy(), p.at())
                            : d.lastLocation() == null
                                    ? null
                                    : new Position(
                                            d.lastLocation().lat(),
                                            d.lastLocation().lng(),
                                            d.lastLocation().accuracy(),
                                            d.lastLocation().at());
                    boolean reachable = d.onShift() && p != null && p.at().isAfter(freshSince);
                    return new FleetDriver(d.id(), d.firstName(), status, d.capacity(), load, position, reachable);
                })
                .toList();
    }

    @GetMapping("/deliveries")
    @Operation(
            summary =
                    "Deliveries not finished (failed ones included until resolved): driver, ETA, status, needs-location, locked")
    List<DeliveryView> deliveries(@PathVariable String merchantId) {
        requireTeam(merchantId);
        return deliveries.onBoard(merchantId).stream().map(DeliveryView::of).toList();
    }

    @GetMapping("/orders/{orderId}/delivery")
    @Operation(summary = "The delivery of one order")
    DeliveryView delivery(@PathVariable String merchantId, @PathVariable String orderId) {
        requireTeam(merchantId);
        return DeliveryView.of(deliveries.ofOrder(merchantId, orderId));
    }

    @PostMapping("/orders/{orderId}/assign")
    @Operation(
            summary =
                    "Give the delivery to this driver by hand; the planner keeps it (409 once another driver started it)")
    DeliveryView assign(
            @PathVariable String merchantId, @PathVariable String orderId, @Valid @RequestBody Assign body) {
        requireTeam(merchantId);
        return DeliveryView.of(deliveries.pin(merchantId, orderId, body.driverId()));
    }

    @PutMapping("/orders/{orderId}/location")
    @Operation(summary = "Place a delivery that has no coordinates on the map; it is planned from then on")
    DeliveryView locate(@PathVariable String merchantId, @PathVariable String orderId, @Valid @RequestBody Pin body) {
        requireTeam(merchantId);
        GeoPoint point;
        try {
            point = new GeoPoint(body.lat(), body.lng());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("", "lat must be within ±90 and lng within ±180");
        }
        return DeliveryView.of(deliveries.locate(merchantId, orderId, point));
    }

    @PostMapping("/orders/{orderId}/delivery/retry")
    @Operation(summary = "Send the driver to the door again after a failed or locked drop-off (wrong codes reset)")
    DeliveryView retry(@PathVariable String merchantId, @PathVariable String orderId) {
        requireTeam(merchantId);
        return DeliveryView.of(deliveries.retry(merchantId, orderId));
    }

    @PostMapping("/orders/{orderId}/delivery/cancel")
    @Operation(
            summary = "Give up a failed or locked delivery: the order is cancelled with the reason, the customer told")
    DeliveryView cancel(
            @PathVariable String merchantId, @PathVariable String orderId, @Valid @RequestBody Reason body) {
        requireTeam(merchantId);
        return DeliveryView.of(deliveries.giveUp(merchantId, orderId, body.reason()));
    }

    private void requireTeam(String merchantId) {
        if (access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF)
                        .isAdmin()
                && !merchants.exists(merchantId)) {
            throw new NotFoundException("merchant " + merchantId);
        }
    }
}
