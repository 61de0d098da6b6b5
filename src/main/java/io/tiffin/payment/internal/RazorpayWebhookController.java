package io.tiffin.payment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.platform.security.HmacSignatures;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Razorpay's webhook. The raw body is size-capped and its {@code X-Razorpay-Signature} checked before
 * anything is parsed; an event id seen before is answered 200 and changes nothing. Razorpay retries
 * anything but a 2xx for a day, so only a forged (401), malformed (400) or oversized (413) body is
 * refused; an event for an order we do not know is acknowledged and logged.
 */
@RestController
@RequestMapping("/webhooks/razorpay")
@Tag(name = "Payments")
class RazorpayWebhookController {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String SIGNATURE = "X-Razorpay-Signature";
    static final String EVENT_ID = "X-Razorpay-Event-Id";

    private static final Logger log = LoggerFactory.getLogger(RazorpayWebhookController.class);

    private final RazorpayProperties properties;
    private final ObjectMapper json;
    private final WebhookEvents seen;
    private final RazorpayEvents events;

    RazorpayWebhookController(
            RazorpayProperties properties, ObjectMapper json, WebhookEvents seen, RazorpayEvents events) {
        this.properties = properties;
        this.json = json;
        this.seen = seen;
        this.events = events;
    }

    @PostMapping
    @Operation(
            summary = "Razorpay events (payment links, payments, refunds), signed with X-Razorpay-Signature",
            description =
                    "401 forged, 400 malformed, 413 over 1 MiB; a repeated X-Razorpay-Event-Id is 200 and changes nothing")
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        byte[] body = readCapped(request);
        if (body == null) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "the body is over 1 MiB");
        }
        if (!RazorpaySignature.isValid(properties.webhookSecret(), body, request.getHeader(SIGNATURE))) {
            return error(
                    HttpStatus.UNAUTHORIZED,
                    "invalid_signature",
                    "X-Razorpay-Signature is missing or does not match the body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not valid JSON");
        }
        String type = root == null ? null : root.path("event").asString(null);
        if (type == null || type.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "malformed_event", "the body names no event");
        }
        String eventId = request.getHeader(EVENT_ID);
        if (eventId == null || eventId.isBlank() || eventId.length() > 100) {
            // every Razorpay delivery carries one; without it the body itself identifies the event
            eventId = "sha256:" + HmacSignatures.sha256Hex(body);
        }
        if (seen.seen(eventId)) {
            return ok("duplicate");
        }
        RazorpayEvents.Outcome outcome;
        try {
            outcome = events.apply(type, root);
        } catch (RazorpayEvents.MalformedEventException e) {
            return error(HttpStatus.BAD_REQUEST, "malformed_event", e.getMessage());
        }
        if (outcome == RazorpayEvents.Outcome.UNKNOWN_ORDER) {
            RazorpayEvents.logUnknown(eventId, type);
        } else {
            log.debug("Razorpay event {} ({}): {}", eventId, type, outcome);
        }
        seen.record(eventId, type, outcome.name());
        return ok(outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** @return the body, or null when it is bigger than we accept, judged by header or by bytes read */
    private static byte[] readCapped(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static ResponseEntity<String> ok(String status) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"" + status + "\"}");
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        String body =
                "{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\",\"problems\":[]}";
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
