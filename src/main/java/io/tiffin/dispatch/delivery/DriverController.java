package io.tiffin.dispatch.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.dispatch.fleet.Driver;
import io.tiffin.dispatch.fleet.FleetService;
import io.tiffin.dispatch.planning.StopKind;
import io.tiffin.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in driver's own API: shift, location, route and the taps on each stop. */
@RestController
@RequestMapping("/api/v1/driver")
@Tag(name = "Driver")
@SecurityRequirement(name = "bearer")
class DriverController {

    record Shift(@NotNull Boolean online) {}

    record Location(@NotNull Double lat, @NotNull Double lng, Double accuracy, Instant at) {}

    record Code(
            @NotBlank @Pattern(regexp = "\\d{4}", message = "must be the customer's 4 digits")
            String otp,

            @PositiveOrZero Long cashCollected) {}

    record Failure(@NotBlank @Size(max = 200) String reason) {}

    record Me(String id, String firstName, boolean onShift, int capacity, String merchantId) {
        static Me of(Driver d) {
            return new Me(d.id(), d.firstName(), d.onShift(), d.capacity(), d.merchantId());
        }
    }

    /** The 422/423 body: the usual error shape plus how many tries the code has left. */
    record CodeError(String error, String message, int attemptsLeft) {}

    private final FleetService fleet;
    private final DeliveryService deliveries;

    DriverController(FleetService fleet, DeliveryService deliveries) {
        this.fleet = fleet;
        this.deliveries = deliveries;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in driver's profile: name, shift, capacity")
    Me me() {
        return Me.of(fleet.profile(fleet.requireDriver()));
    }

    @PutMapping("/shift")
    @Operation(summary = "Go on or off shift; off shift, unstarted stops are planned to others")
    Me shift(@Valid @RequestBody Shift body) {
        return Me.of(fleet.shift(body.online()));
    }

    @PostMapping("/location")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary =
                    "The phone's position (every 10–15 s on shift); 429 above one a second, 400 out of range or in the future")
    void location(@Valid @RequestBody Location body) {
        fleet.ping(body.lat(), body.lng(), body.accuracy(), body.at());
    }

    @GetMapping("/route")
    @Operation(summary = "The driver's stops in planned order, with what each stop needs")
    List<RouteStop> route() {
        CurrentUser driver = fleet.requireDriver();
        record Ordered(Integer sequence, Instant eta, RouteStop stop) {}
        List<Ordered> stops = new ArrayList<>();
        for (Delivery d : deliveries.routeOf(driver)) {
            if (!d.status().carried()) {
                stops.add(
                        new Ordered(d.pickupStop().sequence(), d.pickupStop().eta(), RouteStop.of(d, StopKind.PICKUP)));
            }
            stops.add(
                    new Ordered(d.dropoffStop().sequence(), d.dropoffStop().eta(), RouteStop.of(d, StopKind.DROPOFF)));
        }
        // the plan's order; a stop not planned yet (just pinned by hand) goes last
        stops.sort(Comparator.comparing(Ordered::sequence, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Ordered::eta, Comparator.nullsLast(Comparator.naturalOrder())));
        return stops.stream().map(Ordered::stop).toList();
    }

    @PostMapping("/stops/{stopId}/arrived")
    @Operation(summary = "Arrived at the stop; repeating it changes nothing")
    RouteStop arrived(@PathVariable String stopId) {
        StopKind kind = DeliveryService.StopRef.parse(stopId).kind();
        return RouteStop.of(deliveries.act(stopId, StopAction.arrivedAt(kind)), kind);
    }

    @PostMapping("/stops/{stopId}/picked-up")
    @Operation(
            summary =
                    "Collected the order at the pickup; the order becomes PICKED_UP and the customer hears it is on its way")
    RouteStop pickedUp(@PathVariable String stopId) {
        return RouteStop.of(deliveries.act(stopId, StopAction.PICK_UP), StopKind.PICKUP);
    }

    @PostMapping("/stops/{stopId}/delivered")
    @Operation(
            summary =
                    "Handed over with the customer's 4-digit code (422 wrong, with attempts left; 423 after 5 wrong codes)")
    RouteStop delivered(@PathVariable String stopId, @Valid @RequestBody Code body) {
        return RouteStop.of(deliveries.deliver(stopId, body.otp(), body.cashCollected()), StopKind.DROPOFF);
    }

    @PostMapping("/stops/{stopId}/failed")
    @Operation(summary = "Could not hand it over, with a reason; the merchant retries or cancels")
    RouteStop failed(@PathVariable String stopId, @Valid @RequestBody Failure body) {
        return RouteStop.of(deliveries.fail(stopId, body.reason()), StopKind.DROPOFF);
    }

    @ExceptionHandler(WrongCodeException.class)
    ResponseEntity<CodeError> wrongCode(WrongCodeException e) {
        return ResponseEntity.status(e.locked() ? HttpStatus.LOCKED : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new CodeError(e.locked() ? "locked" : "wrong_code", e.getMessage(), e.attemptsLeft()));
    }
}
