package io.tiffin.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class BoardEventsController {

    // boards reconnect on their own; a bounded lifetime lets a server drain and rebalance them
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final BoardConnections connections;
    private final BoardEventLog eventLog;
    private final TenantAccess access;
    private final MerchantDirectory merchants;

    BoardEventsController(
            BoardConnections connections, BoardEventLog eventLog, TenantAccess access, MerchantDirectory merchants) {
        this.connections = connections;
        this.eventLog = eventLog;
        this.access = access;
        this.merchants = merchants;
    }

    @GetMapping(path = "/api/v1/merchants/{merchantId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Live order events for the merchant's boards (Server-Sent Events)",
            description = "Send Last-Event-ID (or ?lastEventId=) to replay what was missed from the recent event log.")
    SseEmitter events(
            @PathVariable String merchantId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam)
            throws IOException {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        // an admin may watch any merchant, but not one that does not exist: 404, not a stream of nothing
        if (!merchants.exists(merchantId)) {
            throw new NotFoundException("merchant " + merchantId);
        }
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        emitter.send(SseEmitter.event().reconnectTime(2000).comment("connected"));
        BoardConnections.Connection connection = connections.open(merchantId, emitter, lastEventId);
        connection.replay(eventLog.after(merchantId, lastEventId));
        return emitter;
    }
}
