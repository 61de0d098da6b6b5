package io.tiffin.payment.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Maps one verified Razorpay webhook event to a payment decision. Payment link events name our order
 * by {@code reference_id}; payment events name it by the notes we put on the link, or by the link id
 * Razorpay writes into the payment's description ("#" + the id without "plink_"), or by a payment id we
 * know. An event for no payment of ours is answered 200 and logged (Razorpay would retry for a day).
 */
@Component
class RazorpayEvents {

    private static final Logger log = LoggerFactory.getLogger(RazorpayEvents.class);

    /** What became of an event, for the log and the event record. */
    enum Outcome {
        APPLIED,
        NO_CHANGE,
        UNKNOWN_ORDER,
        IGNORED
    }

    static class MalformedEventException extends RuntimeException {
        MalformedEventException(String message) {
            super(message);
        }
    }

    private final Payments payments;
    private final PaymentDecisions decisions;

    RazorpayEvents(Payments payments, PaymentDecisions decisions) {
        this.payments = payments;
        this.decisions = decisions;
    }

    Outcome apply(String type, JsonNode root) {
        JsonNode payload = root.path("payload");
        return switch (type) {
            case "payment_link.paid" -> {
                JsonNode link = entity(payload, "payment_link");
                JsonNode payment = payload.path("payment").path("entity");
                String paymentId = text(payment, "id");
                long amount = payment.has("amount")
                        ? payment.path("amount").asLong()
                        : link.path("amount_paid").asLong();
                String currency = payment.has("currency") ? text(payment, "currency") : text(link, "currency");
                if (paymentId == null) {
                    throw new MalformedEventException("payment_link.paid without a payment id");
                }
                yield decide(byLink(link), (p, now) -> p.received(paymentId, amount, currency, now));
            }
            case "payment.captured" -> {
                JsonNode payment = entity(payload, "payment");
                String paymentId = required(payment, "id");
                long amount = requiredAmount(payment);
                yield decide(
                        byPayment(payment), (p, now) -> p.received(paymentId, amount, text(payment, "currency"), now));
            }
            case "payment.failed" -> decide(byPayment(entity(payload, "payment")), (p, now) -> p.failed(now));
            case "payment_link.expired", "payment_link.cancelled" ->
                decide(byLink(entity(payload, "payment_link")), (p, now) -> p.expired(now));
            case "refund.processed", "refund.failed" -> {
                String paymentId = required(entity(payload, "refund"), "payment_id");
                boolean processed = type.equals("refund.processed");
                yield decide(
                        payments.findByAnyPaymentId(paymentId).stream()
                                .findFirst()
                                .map(Payment::orderId),
                        (p, now) -> p.refundSettled(paymentId, processed, now));
            }
            default -> Outcome.IGNORED;
        };
    }

    private Outcome decide(
            Optional<String> orderId, java.util.function.BiPredicate<Payment, java.time.Instant> decision) {
        if (orderId.isEmpty()) {
            return Outcome.UNKNOWN_ORDER;
        }
        return decisions
                .apply(orderId.get(), decision)
                .map(changed -> changed ? Outcome.APPLIED : Outcome.NO_CHANGE)
                .orElse(Outcome.UNKNOWN_ORDER);
    }

    private Optional<String> byLink(JsonNode link) {
        String reference = text(link, "reference_id");
        if (reference != null && payments.existsById(reference)) {
            return Optional.of(reference);
        }
        String linkId = text(link, "id");
        return linkId == null ? Optional.empty() : payments.findByLinkId(linkId).map(Payment::orderId);
    }

    private Optional<String> byPayment(JsonNode payment) {
        String noted = text(payment.path("notes"), "tiffin_order_id");
        if (noted != null && payments.existsById(noted)) {
            return Optional.of(noted);
        }
        String description = text(payment, "description");
        if (description != null && description.startsWith("#")) {
            Optional<String> byLink =
                    payments.findByLinkId("plink_" + description.substring(1)).map(Payment::orderId);
            if (byLink.isPresent()) {
                return byLink;
            }
        }
        String id = text(payment, "id");
        return id == null
                ? Optional.empty()
                : payments.findByAnyPaymentId(id).stream().findFirst().map(Payment::orderId);
    }

    private static JsonNode entity(JsonNode payload, String name) {
        JsonNode entity = payload.path(name).path("entity");
        if (!entity.isObject()) {
            throw new MalformedEventException("the event has no " + name + " entity");
        }
        return entity;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new MalformedEventException("missing " + field);
        }
        return value;
    }

    private static long requiredAmount(JsonNode payment) {
        if (!payment.path("amount").isIntegralNumber()) {
            throw new MalformedEventException("amount must be whole minor units");
        }
        return payment.path("amount").asLong();
    }

    static void logUnknown(String eventId, String type) {
        log.info("Razorpay event {} ({}) names no payment of ours; acknowledged and dropped", eventId, type);
    }
}
