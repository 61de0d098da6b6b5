package io.tiffin.conversation.internal;

import io.tiffin.conversation.CustomerActivity;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The last message time each session keeps, for the notifications that must respect a service window. */
@Component
class SessionActivity implements CustomerActivity {

    private final SessionStore sessions;

    SessionActivity(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Instant> lastHeard(String merchantId, String channel, String customerId) {
        return sessions.find(merchantId, channel, customerId).map(Session::lastInboundAt);
    }
}
