package io.tiffin.payment.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The few Razorpay REST calls payment needs, over plain HTTP with basic auth. Not razorpay-java: it
 * hard-codes Razorpay's host, so it cannot talk to {@code RAZORPAY_API_URL} (a stand-in, a proxy).
 * Any failure (timeout, 5xx, refusal) throws, and the caller's durable event is retried.
 */
@Component
class RazorpayClient {

    /** The parts of a payment link we keep. */
    record Link(
            String id, String url, String status, long amountPaid, String currency, String paymentId, long expireBy) {}

    record NewLink(
            String referenceId,
            long amount,
            String currency,
            Instant expireBy,
            String description,
            String customerName,
            String customerContact,
            Map<String, String> notes) {}

    record Refund(String id, String status) {}

    static class RazorpayException extends RuntimeException {
        RazorpayException(String message) {
            super(message);
        }
    }

    private final RazorpayProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    RazorpayClient(RazorpayProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** The link made earlier for this reference (our order id), if any: asked before making one. */
    Optional<Link> findLink(String referenceId) {
        JsonNode found = call(
                "GET",
                "/v1/payment_links?reference_id=" + URLEncoder.encode(referenceId, StandardCharsets.UTF_8),
                null);
        for (JsonNode link : found.path("payment_links")) {
            if (referenceId.equals(link.path("reference_id").asString(""))) {
                return Optional.of(link(link));
            }
        }
        return Optional.empty();
    }

    Link createLink(NewLink request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", request.amount());
        body.put("currency", request.currency());
        body.put("accept_partial", false);
        body.put("expire_by", request.expireBy().getEpochSecond());
        body.put("reference_id", request.referenceId());
        body.put("description", request.description());
        Map<String, String> customer = new LinkedHashMap<>();
        if (request.customerName() != null) {
            customer.put("name", request.customerName());
        }
        if (request.customerContact() != null) {
            customer.put("contact", request.customerContact());
        }
        body.put("customer", customer);
        // the link reaches the customer in the chat; Razorpay's own SMS and email would repeat it
        body.put("notify", Map.of("sms", false, "email", false));
        body.put("reminder_enable", false);
        body.put("notes", request.notes());
        return link(call("POST", "/v1/payment_links", body));
    }

    Link fetchLink(String linkId) {
        return link(call("GET", "/v1/payment_links/" + URLEncoder.encode(linkId, StandardCharsets.UTF_8), null));
    }

    Link cancelLink(String linkId) {
        return link(call(
                "POST",
                "/v1/payment_links/" + URLEncoder.encode(linkId, StandardCharsets.UTF_8) + "/cancel",
                Map.of()));
    }

    /** A refund made earlier for this payment, if any: asked before making one. */
    Optional<Refund> findRefund(String paymentId) {
        JsonNode found =
                call("GET", "/v1/payments/" + URLEncoder.encode(paymentId, StandardCharsets.UTF_8) + "/refunds", null);
        for (JsonNode refund : found.path("items")) {
            if (!"failed".equals(refund.path("status").asString(""))) {
                return Optional.of(new Refund(
                        refund.path("id").asString(), refund.path("status").asString("")));
            }
        }
        return Optional.empty();
    }

    Refund refund(String paymentId, long amount, String receipt) {
        JsonNode refund = call(
                "POST",
                "/v1/payments/" + URLEncoder.encode(paymentId, StandardCharsets.UTF_8) + "/refund",
                Map.of("amount", amount, "receipt", receipt));
        return new Refund(refund.path("id").asString(), refund.path("status").asString(""));
    }

    private Link link(JsonNode link) {
        String paymentId = null;
        for (JsonNode payment : link.path("payments")) {
            if ("captured".equals(payment.path("status").asString(""))) {
                paymentId = payment.path("payment_id").asString(null);
            }
        }
        return new Link(
                link.path("id").asString(),
                link.path("short_url").asString(null),
                link.path("status").asString(""),
                link.path("amount_paid").asLong(0),
                link.path("currency").asString(null),
                paymentId,
                link.path("expire_by").asLong(0));
    }

    private JsonNode call(String method, String path, Object body) {
        if (!properties.configured()) {
            throw new RazorpayException("RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET are not set");
        }
        String auth = Base64.getEncoder()
                .encodeToString((properties.keyId() + ":" + properties.keySecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(properties.apiUrl()) + path))
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + auth)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RazorpayException(method + " " + path.replaceAll("\\?.*", "") + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RazorpayException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new RazorpayException(method + " " + path.replaceAll("\\?.*", "") + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return json.readTree(response.body());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
    }
}
