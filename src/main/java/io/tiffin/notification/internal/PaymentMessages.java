package io.tiffin.notification.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.payment.PaymentEvent;
import io.tiffin.platform.events.DurableEventHandler;
import io.tiffin.platform.text.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the customer about their money, on the channel they ordered from and in their language: the
 * payment link, a failed attempt (with the same link), the payment received, a refund processed or
 * failed. Each (order, kind) goes once through {@link CustomerMessages}; a failed attempt is told once per attempt.
 */
@Component
class PaymentMessages implements DurableEventHandler<PaymentEvent> {

    /** The claim for one payment message; kept as a record of what was sent. */
    record SentPaymentMessage(
            String id, String orderId, String merchantId, String kind, String text, Instant at, boolean delivered)
            implements CustomerMessages.Claim {}

    private final CustomerMessages messages;
    private final MerchantDirectory merchants;
    private final Templates templates;
    private final Clock clock;

    PaymentMessages(CustomerMessages messages, MerchantDirectory merchants, Templates templates, Clock clock) {
        this.messages = messages;
        this.merchants = merchants;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "notification.payment-messages";
    }

    @Override
    public Class<PaymentEvent> eventType() {
        return PaymentEvent.class;
    }

    @Override
    public void handle(PaymentEvent event) {
        Merchant merchant = merchants.byId(event.merchantId()).orElse(null);
        if (merchant == null || event.channel() == null || event.customerId() == null) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("merchant", merchant.name());
        model.put("number", event.number());
        String key;
        String claimKey;
        switch (event) {
            case PaymentEvent.LinkReady link -> {
                key = "payment_link";
                claimKey = key;
                model.put(
                        "amount",
                        io.tiffin.platform.text.MoneyText.format(link.amount(), link.currency(), event.language()));
                model.put("url", link.url());
                model.put(
                        "expiryTime",
                        link.expiresAt() == null ? "" : CustomerMessages.time(link.expiresAt(), merchant));
            }
            case PaymentEvent.Failed failed -> {
                key = "payment_failed";
                // one message per failed attempt: several attempts may fail, each is worth telling
                claimKey = key + ":" + failed.attempt();
                model.put("url", failed.url());
            }
            case PaymentEvent.Received received -> {
                key = "payment_received";
                claimKey = key;
                model.put(
                        "amount",
                        io.tiffin.platform.text.MoneyText.format(
                                received.amount(), received.currency(), event.language()));
            }
            case PaymentEvent.Refund refund -> {
                key = refund.processed() ? "refund_processed" : "refund_failed";
                claimKey = key;
                model.put(
                        "amount",
                        io.tiffin.platform.text.MoneyText.format(refund.amount(), refund.currency(), event.language()));
            }
        }
        String text = templates.render(event.language(), key, model);
        messages.sendOnce(
                new SentPaymentMessage(
                        event.orderId() + ":" + claimKey,
                        event.orderId(),
                        event.merchantId(),
                        key,
                        text,
                        clock.instant(),
                        false),
                OutboundMessage.text(Channel.valueOf(event.channel()), event.merchantId(), event.customerId(), text));
    }
}
