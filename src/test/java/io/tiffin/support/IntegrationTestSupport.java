package io.tiffin.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.platform.security.HmacSignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole app on its embedded MongoDB-wire store and Redis, on a random port, with WireMock as the
 * WhatsApp Graph API. Every integration test shares this one context; each test makes its own
 * merchants and customers so tests never see each other's data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tiffin.demo=false",
            "tiffin.admin.email=" + IntegrationTestSupport.ADMIN_EMAIL,
            "tiffin.admin.password=" + IntegrationTestSupport.ADMIN_PASSWORD,
            "tiffin.whatsapp.app-secret=" + IntegrationTestSupport.APP_SECRET,
            "tiffin.whatsapp.verify-token=verify-me",
            "tiffin.whatsapp.access-token=test-access-token",
            "tiffin.twilio.account-sid=" + IntegrationTestSupport.TWILIO_ACCOUNT_SID,
            "tiffin.twilio.auth-token=" + IntegrationTestSupport.TWILIO_AUTH_TOKEN,
            "tiffin.whatsapp.retry.initial-backoff=10ms",
            "tiffin.whatsapp.retry.max-backoff=20ms",
            "tiffin.twilio.retry.initial-backoff=10ms",
            "tiffin.twilio.retry.max-backoff=20ms",
            "tiffin.instagram.app-secret=" + IntegrationTestSupport.INSTAGRAM_SECRET,
            "tiffin.instagram.verify-token=verify-instagram",
            "tiffin.instagram.access-token=test-instagram-token",
            "tiffin.instagram.retry.initial-backoff=10ms",
            "tiffin.instagram.retry.max-backoff=20ms",
            "tiffin.telegram.retry.initial-backoff=10ms",
            "tiffin.telegram.retry.max-backoff=20ms",
            "tiffin.intake.first-backoff=20ms",
            "tiffin.intake.max-backoff=50ms",
            "tiffin.intake.sweep-every=2s",
            "tiffin.events.first-backoff=20ms",
            "tiffin.events.max-backoff=50ms",
            "tiffin.events.max-attempts=3",
            "tiffin.events.sweep-every=2s",
            "tiffin.razorpay.key-id=rzp_test_key",
            "tiffin.razorpay.key-secret=rzp_test_secret",
            "tiffin.razorpay.webhook-secret=" + IntegrationTestSupport.RAZORPAY_WEBHOOK_SECRET,
            "tiffin.razorpay.timeout=1s",
            "tiffin.razorpay.reconcile-every=1h",
            "tiffin.mail.sendgrid-api-key=" + IntegrationTestSupport.SENDGRID_KEY,
            "tiffin.mail.from=orders@test.tiffin.local"
        })
public abstract class IntegrationTestSupport {

    public static final String ADMIN_EMAIL = "admin@test.tiffin.local";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String APP_SECRET = "test-app-secret";
    public static final String TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String TWILIO_AUTH_TOKEN = "test-twilio-auth-token";
    public static final String TWILIO_SID = TWILIO_ACCOUNT_SID;
    public static final String TWILIO_TOKEN = TWILIO_AUTH_TOKEN;
    public static final String INSTAGRAM_SECRET = "test-instagram-secret";
    public static final String RAZORPAY_WEBHOOK_SECRET = "test-webhook-secret";
    public static final String SENDGRID_KEY = "SG.test-key";

    protected static final WireMockServer GRAPH =
            new WireMockServer(wireMockConfig().dynamicPort());
    /**
     * A Nominatim stand-in ({@code GEOCODER_URL}). Unless a test stubs its own address, every search
     * finds a place beside the test merchants (1 Test Road, 12.97, 77.59), so typed addresses place
     * orders as before geocoding existed.
     */
    protected static final WireMockServer GEOCODER =
            new WireMockServer(wireMockConfig().dynamicPort());
    /** Razorpay's API stand-in ({@code RAZORPAY_API_URL}); tests that pay online stub it. */
    protected static final WireMockServer RAZORPAY =
            new WireMockServer(wireMockConfig().dynamicPort());
    /** SendGrid's API stand-in ({@code SENDGRID_API_URL}); accepts every mail send with 202 unless a test says otherwise. */
    protected static final WireMockServer SENDGRID =
            new WireMockServer(wireMockConfig().dynamicPort());

    private static final Path DATA_DIR;

    static {
        GRAPH.start();
        GEOCODER.start();
        RAZORPAY.start();
        SENDGRID.start();
        SENDGRID.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v3/mail/send"))
                .atPriority(10)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(202)
                        .withHeader("X-Message-Id", "test-message-id")));
        GEOCODER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/search"))
                .atPriority(10)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        nominatimResult(12.9721, 77.5933, "Test Road, Bengaluru, Karnataka, 560001, India"))));
        try {
            DATA_DIR = Files.createTempDirectory("tiffin-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("tiffin.whatsapp.graph-url", GRAPH::baseUrl);
        // Twilio's REST API (SMS) is served by the same stand-in: its paths never meet the Graph API's
        registry.add("tiffin.twilio.api-url", GRAPH::baseUrl);
        registry.add("tiffin.instagram.graph-url", GRAPH::baseUrl);
        registry.add("tiffin.telegram.api-url", GRAPH::baseUrl);
        registry.add("tiffin.geocoder.url", GEOCODER::baseUrl);
        registry.add("tiffin.data-dir", DATA_DIR::toString);
        registry.add("tiffin.razorpay.api-url", RAZORPAY::baseUrl);
        registry.add("tiffin.mail.sendgrid-url", SENDGRID::baseUrl);
    }

    /** One search result in Nominatim's own {@code format=jsonv2} shape (coordinates as strings). */
    protected static String nominatimResult(double lat, double lng, String displayName) {
        return String.format(java.util.Locale.ROOT, """
                [{"place_id":183521467,"licence":"Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
                  "osm_type":"way","osm_id":25613820,"lat":"%s","lon":"%s","category":"highway","type":"residential",
                  "place_rank":26,"importance":0.0533,"addresstype":"road","name":"Test Road",
                  "display_name":"%s","boundingbox":["12.9712","12.9730","77.5921","77.5946"]}]
                """, lat, lng, displayName);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    protected final HttpClient http = HttpClient.newHttpClient();

    protected HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A request to this app, for what the helpers here do not cover (own headers, streams). */
    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    protected HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    protected HttpResponse<String> postJson(String path, String token, String body) {
        return send("POST", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> putJson(String path, String token, String body) {
        return send("PUT", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** One item of a menu as the menu API answers it. */
    protected static JsonNode item(JsonNode menuSnapshot, String itemId) {
        for (JsonNode category : menuSnapshot.at("/menu/categories")) {
            for (JsonNode item : category.get("items")) {
                if (itemId.equals(item.get("id").asString())) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + itemId);
    }

    protected JsonNode parse(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected String login(String email, String password) {
        HttpResponse<String> response =
                postJson("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
        return parse(response).get("token").asString();
    }

    protected String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A merchant bound to a fresh WhatsApp phone number id, with the demo menu and an owner. */
    protected TestMerchant newMerchant(String name) {
        String admin = adminToken();
        String phoneNumberId = "9" + (System.nanoTime() % 100_000_000_000_000L);
        HttpResponse<String> created = postJson("/api/v1/merchants", admin, """
                {"name":"%s","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                 "location":{"lat":12.97,"lng":77.59},"channels":{"whatsappPhoneNumberId":"%s"}}
                """.formatted(name, phoneNumberId));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("merchant not created: " + created.body());
        }
        String id = parse(created).get("id").asString();
        HttpResponse<String> menu = putJson("/api/v1/merchants/" + id + "/menu", admin, demoMenu());
        if (menu.statusCode() != 200) {
            throw new IllegalStateException("menu not stored: " + menu.body());
        }
        String ownerEmail = "owner-" + UUID.randomUUID() + "@test.tiffin.local";
        HttpResponse<String> owner = postJson(
                "/api/v1/merchants/" + id + "/users",
                admin,
                "{\"email\":\"" + ownerEmail + "\",\"password\":\"" + OWNER_PASSWORD
                        + "\",\"role\":\"MERCHANT_OWNER\"}");
        if (owner.statusCode() != 201) {
            throw new IllegalStateException("owner not created: " + owner.body());
        }
        return new TestMerchant(id, phoneNumberId, login(ownerEmail, OWNER_PASSWORD), ownerEmail);
    }

    protected static final String OWNER_PASSWORD = "owner-password-1";

    protected record TestMerchant(String id, String phoneNumberId, String ownerToken, String ownerEmail) {}

    protected static String demoMenu() {
        try (var in = IntegrationTestSupport.class.getResourceAsStream("/demo/menu.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Graph API stand-in answers every send for this merchant's number. */
    protected void stubGraphApi(TestMerchant merchant) {
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                "/" + merchant.phoneNumberId() + "/messages"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.OUT\"}]}")));
    }

    protected static String newCustomer() {
        return "9197" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    /** The texts (or interactive bodies) sent to this customer through the Graph API, oldest first. */
    protected java.util.List<String> messagesTo(TestMerchant merchant, String customer) {
        return GraphMessages.sentTo(GRAPH, merchant.phoneNumberId(), customer);
    }

    protected java.util.List<String> awaitMessages(TestMerchant merchant, String customer, int count) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> messagesTo(merchant, customer).size() >= count);
        return messagesTo(merchant, customer);
    }

    /**
     * A customer orders on WhatsApp the way a person does: free text, Confirm, then a location for
     * delivery. Answers the stored order as the merchant API shows it.
     */
    protected JsonNode placeWhatsAppOrder(
            TestMerchant merchant, String customer, String name, String text, String address) {
        int before = messagesTo(merchant, customer).size();
        postWhatsApp(
                WhatsAppPayloads.text(merchant.phoneNumberId(), customer, name, WhatsAppPayloads.newMessageId(), text));
        awaitMessages(merchant, customer, before + 1);
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "confirm", "Confirm order"));
        awaitMessages(merchant, customer, before + 2);
        return deliverTo(merchant, customer, name, address);
    }

    /** The owner turns the merchant's web chat on; answers the slug of its link ({@code /chat/?m=<slug>}). */
    protected String enableWebChat(TestMerchant merchant) {
        HttpResponse<String> on = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                "{\"webChat\":{\"enabled\":true}}".getBytes(StandardCharsets.UTF_8));
        if (on.statusCode() != 200) {
            throw new IllegalStateException("web chat not turned on: " + on.body());
        }
        return parse(on).get("slug").asString();
    }

    /** The customer shares a location on WhatsApp, as the delivery address asked for. */
    protected void shareLocation(TestMerchant merchant, String customer, String name, String address) {
        postWhatsApp(WhatsAppPayloads.location(
                merchant.phoneNumberId(), customer, name, WhatsAppPayloads.newMessageId(), 12.9716, 77.5946, address));
    }

    /** The customer shares the delivery location; answers the order it places, once stored. */
    protected JsonNode deliverTo(TestMerchant merchant, String customer, String name, String address) {
        shareLocation(merchant, customer, name, address);
        return awaitOrderOf(merchant, customer);
    }

    /** The customer's latest order as the merchant API shows it, once there is one. */
    protected JsonNode awaitOrderOf(TestMerchant merchant, String customer) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> latestOrderOf(merchant, customer) != null);
        return latestOrderOf(merchant, customer);
    }

    /** The owner edits the menu from the tablet ("/items/garlic-naan" with {@code {"price":8550}}). */
    protected HttpResponse<String> patchMenu(TestMerchant merchant, String suffix, String token, String body) {
        return send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id() + "/menu" + suffix,
                token,
                "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    protected JsonNode latestOrderOf(TestMerchant merchant, String customer) {
        for (JsonNode order : parse(get("/api/v1/merchants/" + merchant.id() + "/orders", merchant.ownerToken()))) {
            if (customer.equals(order.at("/customer/id").asString())) {
                return order;
            }
        }
        return null;
    }

    /** A MERCHANT_STAFF user of the merchant, signed in. */
    protected String newStaff(TestMerchant merchant) {
        return login(newUser(merchant, "staff", "MERCHANT_STAFF"), "staff-password-1");
    }

    /** A DRIVER user of the merchant, signed in. */
    protected String newDriver(TestMerchant merchant) {
        return login(newDriverEmail(merchant), "driver-password-1");
    }

    /** A DRIVER user of the merchant; answers its email (password {@code driver-password-1}). */
    protected String newDriverEmail(TestMerchant merchant) {
        return newUser(merchant, "driver", "DRIVER");
    }

    /** A user of the merchant in this role; answers its email (password {@code <kind>-password-1}). */
    private String newUser(TestMerchant merchant, String kind, String role) {
        String email = kind + "-" + UUID.randomUUID() + "@test.tiffin.local";
        HttpResponse<String> user = postJson(
                "/api/v1/merchants/" + merchant.id() + "/users",
                merchant.ownerToken(),
                "{\"email\":\"" + email + "\",\"password\":\"" + kind + "-password-1\",\"role\":\"" + role + "\"}");
        if (user.statusCode() != 201) {
            throw new IllegalStateException(kind + " not created: " + user.body());
        }
        return email;
    }

    protected HttpResponse<String> postWhatsApp(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postWhatsApp(
                bytes, "sha256=" + HmacSignatures.hmacSha256Hex(APP_SECRET.getBytes(StandardCharsets.UTF_8), bytes));
    }

    protected HttpResponse<String> postWhatsApp(byte[] body, String signature) {
        return send(request("/webhooks/whatsapp")
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /**
     * One web chat session of a customer with a merchant that turned the web chat on: messages are
     * the JSON the chat page posts ({@code {"name":"Priya","text":"2 butter chicken"}}), replies
     * are read back as the page reads them.
     */
    protected final class WebChat {
        private final String slug;
        private final String session = UUID.randomUUID().toString();
        private final String address =
                "203.0.113." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
        private final java.util.List<JsonNode> seen = new java.util.ArrayList<>();
        private int read;

        public WebChat(TestMerchant merchant) {
            slug = enableWebChat(merchant);
        }

        public void say(String content) {
            read = seen.size();
            String body = "{\"merchant\":\"" + slug + "\",\"sessionId\":\"" + session + "\",\"messageId\":\""
                    + UUID.randomUUID() + "\"," + content.substring(1);
            HttpResponse<String> response = send(request("/chat/api/messages")
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            org.assertj.core.api.Assertions.assertThat(response.statusCode())
                    .as(response.body())
                    .isEqualTo(202);
        }

        /** The last reply, once a reply to the last message is there. */
        public JsonNode awaitReply() {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> fetch().size() > read);
            seen.clear();
            seen.addAll(fetch());
            return seen.get(seen.size() - 1);
        }

        /** The texts of every reply from the {@code from}th (from 0) on. */
        public String textsSince(int from) {
            return String.join(
                    "\n",
                    seen.subList(from, seen.size()).stream()
                            .map(m -> m.get("text").asString())
                            .toList());
        }

        private java.util.List<JsonNode> fetch() {
            java.util.List<JsonNode> all = new java.util.ArrayList<>();
            parse(get("/chat/api/messages?merchant=" + slug + "&sessionId=" + session, null))
                    .forEach(all::add);
            return all;
        }
    }
}
