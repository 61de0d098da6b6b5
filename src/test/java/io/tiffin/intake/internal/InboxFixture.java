package io.tiffin.intake.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.support.MovableClock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/** Settings and messages for the tests that drive an {@link InboxWorker} by hand. */
final class InboxFixture {

    private InboxFixture() {}

    /** Handling settings with the given retry and lease figures; the rest as the app's defaults. */
    static IntakeProperties properties(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease) {
        return new IntakeProperties(
                2,
                maxAttempts,
                firstBackoff,
                maxBackoff,
                lease,
                Duration.ofSeconds(30),
                true,
                100,
                "off",
                DataSize.ofMegabytes(4),
                Duration.ofSeconds(10),
                200,
                Duration.ofSeconds(2),
                DataSize.ofMegabytes(64),
                "on",
                Duration.ofSeconds(2));
    }

    /** A phone number no other test uses. */
    static String customer() {
        return "91" + (7_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 999_999_999L));
    }

    /** A text message received a millisecond after the one before, as sent one after another. */
    static InboxEntry store(Inbox inbox, MovableClock clock, String customer, String text) {
        clock.advance(Duration.ofMillis(1));
        InboundMessage message = InboundMessage.text(
                Channel.WHATSAPP,
                "wamid.INBOX" + UUID.randomUUID(),
                "merchant-inbox-" + customer,
                customer,
                "Asha",
                clock.now,
                text);
        return inbox.insert(message).orElseThrow();
    }
}
