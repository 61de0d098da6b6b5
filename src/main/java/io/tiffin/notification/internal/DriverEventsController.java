package io.tiffin.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.CurrentUser;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Driver")
@SecurityRequirement(name = "bearer")
class DriverEventsController {

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final DriverConnections connections;
    private final TenantAccess access;

    DriverEventsController(DriverConnections connections, TenantAccess access) {
        this.connections = connections;
        this.access = access;
    }

    @GetMapping(path = "/api/v1/driver/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary =
                    "Live pushes for the signed-in driver (Server-Sent Events): 'assignment' and 'route'; reload the route on each")
    SseEmitter events() throws IOException {
        CurrentUser user = access.current();
        if (user.role() != Role.DRIVER) {
            throw new AccessDeniedException("drivers only");
        }
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        emitter.send(SseEmitter.event().reconnectTime(2000).comment("connected"));
        connections.open(user.userId(), emitter);
        return emitter;
    }
}
