package io.tiffin.platform.events.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.platform.NotFoundException;
import io.tiffin.platform.events.internal.Delivery.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators see the delivery log of module events (dead letters above all) and redrive a dead one
 * once its cause is fixed. A delivery's id is {@code <entryId>/<handler>}, so it spans two path segments.
 */
@RestController
@RequestMapping("/api/v1/admin/events")
@Tag(name = "Operations")
@SecurityRequirement(name = "bearer")
class EventsController {

    private final Redrive redrive;
    private final DeliveryLog deliveries;

    EventsController(Redrive redrive, DeliveryLog deliveries) {
        this.redrive = redrive;
        this.deliveries = deliveries;
    }

    /** One delivery as operators see it. */
    record DeliveryView(
            String id,
            String entryId,
            String handler,
            String collection,
            String documentId,
            String eventType,
            State state,
            int attempts,
            String lastError,
            Instant nextAttemptAt,
            Instant updatedAt,
            Object event) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.entryId(),
                    d.handler(),
                    d.collection(),
                    String.valueOf(d.documentId()),
                    d.eventType(),
                    d.state(),
                    d.attempts(),
                    d.lastError(),
                    d.nextAttemptAt(),
                    d.updatedAt(),
                    d.entry() == null ? null : d.entry().get("event"));
        }
    }

    @GetMapping
    @Operation(
            summary = "Deliveries of module events in one state, newest first (admin)",
            description = "DEAD: failed every attempt, each with its last error and its event; RETRYING: failing, "
                    + "tried again later; IN_FLIGHT; DONE (kept for tiffin.events.keep-done).")
    List<DeliveryView> list(
            @RequestParam(defaultValue = "DEAD") State state, @RequestParam(defaultValue = "100") int limit) {
        requireAdmin();
        return deliveries.inState(state, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(DeliveryView::of)
                .toList();
    }

    @PostMapping("/{entryId}/{handler}/redrive")
    @Operation(
            summary = "Deliver a dead event to its handler again, with fresh attempts (admin)",
            description =
                    "The id is the delivery's, <entryId>/<handler>. The event goes back into its document's outbox "
                            + "for that handler only; 404 when no dead delivery has this id, 409 when its document is gone.")
    Map<String, String> redrive(
            @Parameter(description = "the outbox entry's id") @PathVariable String entryId,
            @Parameter(description = "the handler's name") @PathVariable String handler) {
        requireAdmin();
        if (!redrive.redrive(Delivery.key(entryId, handler))) {
            throw new NotFoundException("dead delivery " + Delivery.key(entryId, handler));
        }
        return Map.of("status", "queued");
    }

    // platform stands below identity, so it checks the role Spring Security granted rather than calling it
    private static void requireAdmin() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            throw new AccessDeniedException("admin only");
        }
    }
}
