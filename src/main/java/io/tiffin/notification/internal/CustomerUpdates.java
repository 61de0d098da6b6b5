package io.tiffin.notification.internal;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.TemplateFallback;
import io.tiffin.conversation.CustomerActivity;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.platform.events.DurableEventHandler;
import io.tiffin.platform.text.Templates;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the customer, on the channel they ordered from, when the kitchen accepts (with the ready
 * time), rejects or cancels (with the reason), has the food ready and hands it over, in the language
 * the customer ordered in (English where a translation lacks the update). Events come from the
 * order's outbox, at least once, and each (order, status) is sent once through {@link CustomerMessages}.
 */
@Component
class CustomerUpdates implements DurableEventHandler<OrderStatusChanged> {

    static final String NAME = "notification.customer-updates";
    static final String COLLECTION = CustomerMessages.COLLECTION;

    private static final Map<OrderStatus, String> TEMPLATES = Map.of(
            OrderStatus.ACCEPTED, "order_accepted",
            OrderStatus.REJECTED, "order_rejected",
            OrderStatus.CANCELLED, "order_cancelled",
            OrderStatus.READY, "order_ready",
            OrderStatus.PICKED_UP, "order_picked_up");
    // the platform's own rejection of an order nobody accepted: no kitchen's words to pass on
    private static final String NOT_ACCEPTED = "order_not_accepted";
    // the platform's cancellation of an order whose payment link expired unpaid
    private static final String PAYMENT_EXPIRED = "payment_expired";

    /** The claim for one update; kept as a record of what was sent. */
    record SentUpdate(
            String id,
            String orderId,
            String merchantId,
            OrderStatus status,
            String text,
            java.time.Instant at,
            boolean delivered)
            implements CustomerMessages.Claim {}

    private final CustomerMessages messages;
    private final MerchantDirectory merchants;
    private final Templates templates;
    private final Clock clock;
    private final CustomerActivity activity;

    CustomerUpdates(
            CustomerMessages messages,
            MerchantDirectory merchants,
            Templates templates,
            Clock clock,
            CustomerActivity activity) {
        this.activity = activity;
        this.messages = messages;
        this.merchants = merchants;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<OrderStatusChanged> eventType() {
        return OrderStatusChanged.class;
    }

    @Override
    public void handle(OrderStatusChanged event) {
        String key = event.automatic() && event.to() == OrderStatus.REJECTED
                ? NOT_ACCEPTED
                : event.automatic() && event.from() == OrderStatus.AWAITING_PAYMENT
                        ? PAYMENT_EXPIRED
                        : TEMPLATES.get(event.to());
        if (key == null || event.customerId() == null || event.channel() == null) {
            return;
        }
        Merchant merchant = merchants.byId(event.merchantId()).orElse(null);
        if (merchant == null) {
            return;
        }
        String text = templates.render(event.language(), key, model(event, merchant));
        Channel channel = Channel.valueOf(event.channel());
        SentUpdate claim = new SentUpdate(
                event.orderId() + ":" + event.to(),
                event.orderId(),
                event.merchantId(),
                event.to(),
                text,
                clock.instant(),
                false);
        OutboundMessage message = OutboundMessage.text(channel, event.merchantId(), event.customerId(), text);
        java.util.Optional<java.time.Instant> lastHeard = lastHeard(channel, event);
        boolean windowClosed = closedFor(channel, lastHeard, WINDOWS);
        if (channel == Channel.INSTAGRAM && windowClosed) {
            // Instagram has no templates: a HUMAN_AGENT-tagged message for 7 days, then nothing
            if (closedFor(channel, lastHeard, HUMAN_AGENT_WINDOWS)) {
                messages.undeliverable(
                        claim, message, event.number(), "more than 7 days since the customer last wrote on Instagram");
                return;
            }
            messages.sendOnce(claim, message, TemplateFallback.windowClosedNoTemplate(), event.number());
            return;
        }
        String template =
                channel == Channel.WHATSAPP ? merchant.whatsappTemplates().get(key) : null;
        if (windowClosed && template == null) {
            messages.undeliverable(
                    claim,
                    message,
                    event.number(),
                    "more than " + WINDOWS.get(channel).toHours()
                            + " hours since the customer last wrote, and no approved template");
            return;
        }
        TemplateFallback fallback = template == null
                ? null
                : new TemplateFallback(
                        template,
                        event.language() == null ? "en" : event.language(),
                        templateParameters(event, merchant),
                        windowClosed);
        messages.sendOnce(claim, message, fallback, event.number());
    }

    /** Free-form messages are allowed this long after the customer's last message (then only templates). */
    private static final Map<Channel, java.time.Duration> WINDOWS =
            Map.of(Channel.WHATSAPP, java.time.Duration.ofHours(24), Channel.INSTAGRAM, java.time.Duration.ofHours(24));

    /** Instagram's HUMAN_AGENT tag carries a message for this long after the customer's last one. */
    private static final Map<Channel, java.time.Duration> HUMAN_AGENT_WINDOWS =
            Map.of(Channel.INSTAGRAM, java.time.Duration.ofDays(7));

    private java.util.Optional<java.time.Instant> lastHeard(Channel channel, OrderStatusChanged event) {
        return WINDOWS.containsKey(channel)
                ? activity.lastHeard(event.merchantId(), channel.name(), event.customerId())
                : java.util.Optional.empty();
    }

    private boolean closedFor(
            Channel channel,
            java.util.Optional<java.time.Instant> lastHeard,
            Map<Channel, java.time.Duration> windows) {
        java.time.Duration window = windows.get(channel);
        return window != null
                && lastHeard
                        .map(last -> last.plus(window).isBefore(clock.instant()))
                        .orElse(false);
    }

    /** What a merchant's update template is filled with: {{1}} the shop, {{2}} the order number, {{3}} the detail. */
    private static List<String> templateParameters(OrderStatusChanged event, Merchant merchant) {
        String detail = event.readyAt() != null
                ? CustomerMessages.time(event.readyAt(), merchant)
                : event.reason() == null || event.reason().isBlank() ? "-" : event.reason();
        return List.of(merchant.name(), event.number(), detail);
    }

    private static Map<String, Object> model(OrderStatusChanged event, Merchant merchant) {
        Map<String, Object> model = new HashMap<>();
        model.put("merchant", merchant.name());
        model.put("number", event.number());
        model.put("reason", event.reason() == null ? "" : event.reason());
        if (event.readyAt() != null) {
            model.put("readyTime", CustomerMessages.time(event.readyAt(), merchant));
            model.put(
                    "prepMinutes",
                    Math.max(
                            0,
                            java.time.Duration.between(event.at(), event.readyAt())
                                    .toMinutes()));
        }
        model.put("delivery", !event.pickup());
        model.put("pickup", event.pickup());
        return model;
    }
}
