package io.tiffin;

import io.tiffin.support.IntegrationTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every 4xx the API can answer, driven one by one: each is the documented
 * {@code {"error","message","problems"}} body, and none names a Java type or an exception.
 */
class ApiErrorShapeIntegrationTest extends IntegrationTestSupport {

    @Test
    void everyClientErrorAnswersTheDocumentedShape() {
        TestMerchant merchant = newMerchant("Error Shapes");
        TestMerchant other = newMerchant("Someone Else");
        String owner = merchant.ownerToken();
        String base = "/api/v1/merchants/" + merchant.id();

        assertShape(get(base + "/orders?status=FOO", owner), 400);
        assertShape(get(base + "/orders?limit=many", owner), 400);
        assertShape(get("/api/v1/merchants//orders", owner), 404, 400);
        assertShape(get("/api/v1/merchants/%20/orders", owner), 404, 400);
        assertShape(get("/api/v1/merchants/" + other.id() + "/orders", owner), 404);
        assertShape(get("/api/v1/no-such-route", owner), 404);
        assertShape(get("/no-such-page", null), 404);
        assertShape(get(base + "/orders", null), 401);
        assertShape(get("/api/v1/merchants", owner), 403);

        // malformed, missing, mistyped and unsupported bodies
        assertShape(postJson("/api/v1/auth/login", null, "{\"email\":"), 400);
        assertShape(postJson("/api/v1/auth/login", null, "[1,2]"), 400);
        assertShape(send("POST", "/api/v1/auth/login", null, "application/json", null), 400);
        assertShape(
                send("POST", "/api/v1/auth/login", null, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);
        assertShape(send("DELETE", "/api/v1/auth/login", null, null, null), 405);
        assertShape(
                postJson(base + "/orders/" + "0".repeat(24) + "/accept", owner, "{\"prepMinutes\":\"soon\"}"),
                400,
                404);
        assertShape(postJson(base + "/orders/" + "0".repeat(24) + "/accept", owner, "{\"prepMinutes\":0}"), 400);
        assertShape(
                send("PUT", base + "/menu", owner, "application/xml", "<menu/>".getBytes(StandardCharsets.UTF_8)), 415);
        assertShape(putJson(base + "/menu", owner, "{\"currency\":\"INR\",\"categories\":\"none\"}"), 400);
        assertShape(getAccepting(base + "/menu", owner, "text/csv"), 406);

        // refused by role, by state, and by rate
        assertShape(putJson(base + "/menu", newStaff(merchant), demoMenu()), 403);
        String user = "{\"email\":\"twice-" + System.nanoTime()
                + "@test.tiffin.local\",\"password\":\"a-long-password\",\"role\":\"MERCHANT_STAFF\"}";
        postJson(base + "/users", owner, user);
        assertShape(postJson(base + "/users", owner, user), 409);
        assertShape(
                send("PATCH", base, owner, "application/json", "{\"webChat\":{}}".getBytes(StandardCharsets.UTF_8)),
                400);
        String slug = json.readTree(send(
                                "PATCH",
                                base,
                                owner,
                                "application/json",
                                "{\"webChat\":{\"enabled\":true}}".getBytes(StandardCharsets.UTF_8))
                        .body())
                .get("slug")
                .asString();
        String session = java.util.UUID.randomUUID().toString();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 30 && (limited == null || limited.statusCode() != 429); i++) {
            limited = chat(slug, session);
        }
        assertShape(limited, 429);
        assertShape(get("/chat/api/merchant?m=" + merchant.id(), null), 404);
    }

    private HttpResponse<String> chat(String slug, String session) {
        return send(request("/chat/api/messages")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "192.0.2." + (System.nanoTime() % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"merchant\":\"" + slug + "\",\"sessionId\":\"" + session + "\",\"messageId\":\""
                                + java.util.UUID.randomUUID() + "\",\"name\":\"Tester\",\"text\":\"hello\"}"))
                .build());
    }

    @Test
    void liveEventsOfAnotherOrAnUnknownMerchantAnswer404InsteadOfAStream() {
        TestMerchant merchant = newMerchant("Events Mine");
        TestMerchant other = newMerchant("Events Theirs");
        String unknown = "0".repeat(24);

        assertShape(events(other.id(), merchant.ownerToken()), 404);
        assertShape(events(unknown, merchant.ownerToken()), 404);
        assertShape(events(unknown, adminToken()), 404);
        assertShape(events(" ", adminToken()), 404, 400);
        HttpResponse<String> own = events(merchant.id(), merchant.ownerToken());
        soft.assertThat(own.statusCode()).isEqualTo(200);
        soft.assertThat(own.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    }

    // every case is checked even when an earlier one fails, so one run shows all that is wrong
    private final SoftAssertions soft = new SoftAssertions();

    @AfterEach
    void reportAll() {
        soft.assertAll();
    }

    private void assertShape(HttpResponse<String> response, int... statuses) {
        soft.assertThat(response.statusCode())
                .as("%s %s", response.request().method(), response.request().uri())
                .isIn(java.util.Arrays.stream(statuses).boxed().toList());
        String body = response.body();
        soft.assertThat(body)
                .as("body of %s", response.request().uri())
                .doesNotContain("io.tiffin")
                .doesNotContain("java.")
                .doesNotContain("Exception")
                .doesNotContain("tools.jackson")
                .doesNotContain("springframework");
        JsonNode json;
        try {
            json = this.json.readTree(body);
        } catch (RuntimeException e) {
            soft.fail("not JSON: %s %s", response.request().uri(), body);
            return;
        }
        soft.assertThat(json.path("error").asString("")).as("error in %s", body).isNotBlank();
        soft.assertThat(json.path("message").asString(""))
                .as("message in %s", body)
                .isNotBlank();
        soft.assertThat(json.path("problems").isArray())
                .as("problems in %s", body)
                .isTrue();
        soft.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
    }

    private HttpResponse<String> getAccepting(String path, String token, String accept) {
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .GET()
                .build());
    }

    /** What a browser's EventSource sends; an open stream is read only as far as its first bytes. */
    private HttpResponse<String> events(String merchantId, String token) {
        HttpRequest request = request("/api/v1/merchants/" + merchantId.replace(" ", "%20") + "/events")
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            String head = response.statusCode() == 200
                    ? new String(in.readNBytes(8), StandardCharsets.UTF_8)
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new StringResponse(response, head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record StringResponse(HttpResponse<InputStream> raw, String body) implements HttpResponse<String> {
        public int statusCode() {
            return raw.statusCode();
        }

        public HttpRequest request() {
            return raw.request();
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return raw.headers();
        }

        public URI uri() {
            return raw.uri();
        }

        public java.net.http.HttpClient.Version version() {
            return raw.version();
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return raw.sslSession();
        }
    }
}
