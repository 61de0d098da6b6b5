package io.tiffin.intake.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.TenantAccess;
import io.tiffin.intake.internal.InboxEntry.State;
import io.tiffin.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators see dead letters and put them back in line once the cause is fixed. */
@RestController
@RequestMapping("/api/v1/admin/inbox")
@Tag(name = "Operations")
@SecurityRequirement(name = "bearer")
class InboxController {

    private final Inbox inbox;
    private final InboxService service;
    private final TenantAccess access;

    InboxController(Inbox inbox, InboxService service, TenantAccess access) {
        this.inbox = inbox;
        this.service = service;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Inbox entries in one state, newest first (admin)")
    List<InboxEntry> list(
            @RequestParam(defaultValue = "DEAD") State state, @RequestParam(defaultValue = "100") int limit) {
        access.requireAdmin();
        return inbox.inState(state, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/stats")
    @Operation(summary = "How many inbox entries are in each state (admin)")
    Map<State, Long> stats() {
        access.requireAdmin();
        return Map.of(
                State.RECEIVED,
                inbox.count(State.RECEIVED),
                State.PROCESSING,
                inbox.count(State.PROCESSING),
                State.DEAD,
                inbox.count(State.DEAD));
    }

    @PostMapping("/{id}/redrive")
    @Operation(summary = "Queue a dead letter again (admin)")
    Map<String, String> redrive(@PathVariable String id) {
        access.requireAdmin();
        if (!inbox.redrive(id)) {
            throw new NotFoundException("dead letter " + id);
        }
        inbox.find(id).ifPresent(entry -> service.dispatch(entry.id(), entry.conversationKey()));
        return Map.of("status", "queued");
    }
}
