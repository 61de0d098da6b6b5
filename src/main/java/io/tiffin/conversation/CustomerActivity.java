package io.tiffin.conversation;

import java.time.Instant;
import java.util.Optional;

/** When a customer last wrote to a merchant on a channel: providers' service windows are counted from it. */
public interface CustomerActivity {

    Optional<Instant> lastHeard(String merchantId, String channel, String customerId);
}
