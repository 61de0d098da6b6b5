package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.channel.internal.Webhooks;
import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.support.IntegrationTestSupport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer orders by SMS through the Twilio stand-in: numbered choices, STOP honoured, bad webhooks refused. */
class SmsOrderIntegrationTest extends IntegrationTestSupport {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";

    private TestMerchant merchant;
    private String shopNumber;
    private final String customer = "+1415555" + String.format("%04d", Math.floorMod(System.nanoTime(), 10_000L));

    @BeforeEach
    void smsNumberBound() {
        merchant = newMerchant("SMS Kitchen");
        String digits = String.format("%04d", Math.floorMod(System.nanoTime() / 7, 10_000L));
        var patched = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id(),
                merchant.ownerToken(),
                "application/json",
                ("{\"channels\":{\"smsNumber\":\"+1 202 555 " + digits + "\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        shopNumber = "+1202555" + digits;
        assertThat(parse(patched).at("/channels/smsNumber").asString()).isEqualTo(shopNumber);
        GRAPH.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SMout\",\"status\":\"queued\"}")));
    }

    @Test
    void freeTextOrderToOrderNumberAndALaterUpdate() {
        assertThat(sms("2 butter chicken and 3 garlic naan").statusCode()).isEqualTo(200);
        String cart = awaitSms("Total");
        assertThat(cart)
                .contains(
                        "2 x Butter Chicken",
                        "3 x Garlic Naan",
                        "Total: Rs.908",
                        "1 Confirm order",
                        "Reply with a number")
                .doesNotContain("*", "₹");

        sms("1");
        awaitSms("Where should we deliver");
        sms("42 Residency Road, Bengaluru 560025");
        String placed = awaitSms("is placed");

        JsonNode order =
                await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer), o -> o != null);
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("channel").asString()).isEqualTo("SMS");
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(placed).contains("#" + order.get("number").asString());
        assertThat(smsTo(customer))
                .allSatisfy(body -> assertThat(segments(body)).isLessThanOrEqualTo(3));

        accept(order);
        assertThat(awaitSms("accepted your order"))
                .contains("#" + order.get("number").asString());
    }

    @Test
    void afterStopNothingIsSentEvenAnOrderUpdate() {
        sms("2 butter chicken");
        awaitSms("Total");
        sms("confirm");
        awaitSms("Where should we deliver");
        sms("42 Residency Road, Bengaluru 560025");
        awaitSms("is placed");
        JsonNode order =
                await().atMost(Duration.ofSeconds(20)).until(() -> latestOrderOf(merchant, customer), o -> o != null);

        assertThat(sms("STOP").statusCode()).isEqualTo(200);
        int before = smsTo(customer).size();
        accept(order);
        // the update is handled (claimed as sent) but nothing reaches Twilio
        await().atMost(Duration.ofSeconds(20)).until(() -> updateHandled(order));
        sms("where is my order");
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(smsTo(customer)).hasSize(before);

        sms("START");
        sms("where is my order");
        assertThat(awaitSms("#" + order.get("number").asString() + "")).isNotNull();
    }

    @Test
    void aWhatsAppCustomerTextingFromTheSameNumberIsTheSameCustomer() {
        stubGraphApi(merchant);
        String whatsappId = customer.substring(1);
        JsonNode earlier = placeWhatsAppOrder(merchant, whatsappId, "Asha", "2 butter chicken", "42 Residency Road");
        assertThat(earlier.get("channel").asString()).isEqualTo("WHATSAPP");

        sms("where is my order");
        assertThat(awaitSms("#" + earlier.get("number").asString())).isNotNull();
        sms("same again");
        assertThat(awaitSms("Total")).contains("2 x Butter Chicken");
    }

    @Test
    void forgedMissingMalformedOversizedAndRedeliveredChangeNothing() {
        Map<String, String> params = params(UUID.randomUUID().toString(), "2 butter chicken");
        String body = form(params);
        assertThat(postForm(body, "AAAAAAAAAAAAAAAAAAAAAAAAAAA=").statusCode()).isEqualTo(401);
        assertThat(postForm(body, null).statusCode()).isEqualTo(401);
        // the same parameters signed for another account
        assertThat(postForm(body, TwilioSignature.compute("other-token", url(), params))
                        .statusCode())
                .isEqualTo(401);
        assertThat(postForm("%zz=1", "x").statusCode()).isEqualTo(400);
        Map<String, String> noSid = new LinkedHashMap<>(params);
        noSid.remove("MessageSid");
        noSid.remove("SmsMessageSid");
        assertThat(postForm(form(noSid), TwilioSignature.compute(TWILIO_TOKEN, url(), noSid))
                        .statusCode())
                .isEqualTo(400);
        byte[] huge = new byte[Webhooks.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(send(request(SmsWebhookPath())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header(TwilioSignature.HEADER, "x")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                                .build())
                        .statusCode())
                .isEqualTo(413);
        assertThat(smsTo(customer)).isEmpty();

        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        assertThat(sms(sid, "2 butter chicken").statusCode()).isEqualTo(200);
        awaitSms("Total");
        assertThat(sms(sid, "2 butter chicken").statusCode()).isEqualTo(200);
        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(smsTo(customer)).hasSize(1);

        Map<String, String> elsewhere = params("SMunknown" + sid, "hello");
        elsewhere.put("To", "+12025550999");
        assertThat(postForm(form(elsewhere), TwilioSignature.compute(TWILIO_TOKEN, url(), elsewhere))
                        .statusCode())
                .isEqualTo(200);
    }

    private static String SmsWebhookPath() {
        return "/webhooks/twilio/sms";
    }

    private void accept(JsonNode order) {
        assertThat(postJson(
                                "/api/v1/merchants/" + merchant.id() + "/orders/"
                                        + order.get("id").asString() + "/accept",
                                merchant.ownerToken(),
                                "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private boolean updateHandled(JsonNode order) {
        return mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(order.get("id").asString() + ":ACCEPTED")
                                .and("delivered")
                                .is(true)),
                "customer_updates");
    }

    private HttpResponse<String> sms(String text) {
        return sms("SM" + UUID.randomUUID().toString().replace("-", ""), text);
    }

    private HttpResponse<String> sms(String sid, String text) {
        Map<String, String> params = params(sid, text);
        return postForm(form(params), TwilioSignature.compute(TWILIO_TOKEN, url(), params));
    }

    private Map<String, String> params(String sid, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("ToCity", "");
        params.put("Body", text);
        params.put("To", shopNumber);
        params.put("MessageSid", sid);
        params.put("AccountSid", TWILIO_SID);
        params.put("From", customer);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    private static String url() {
        return "http://localhost:8080/webhooks/twilio/sms";
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> postForm(String body, String signature) {
        HttpRequest.Builder request = request(SmsWebhookPath())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(TwilioSignature.HEADER, signature);
        }
        return send(request.build());
    }

    private List<String> smsTo(String to) {
        return GRAPH.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(r -> Webhooks.formParameters(r.getBody()))
                .filter(p -> to.equals(p.get("To")) && shopNumber.equals(p.get("From")))
                .map(p -> p.get("Body"))
                .toList();
    }

    private String awaitSms(String containing) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> smsTo(customer).stream()
                                .filter(b -> b.contains(containing))
                                .findFirst()
                                .orElse(null),
                        b -> b != null);
    }

    /** Segments as a phone counts them: GSM-7 when every character is in its alphabet, else UCS-2. */
    private static int segments(String body) {
        boolean gsm = body.chars().allMatch(c -> c < 128 && c != '`');
        int units = body.length();
        return gsm ? (units <= 160 ? 1 : (units + 152) / 153) : (units <= 70 ? 1 : (units + 66) / 67);
    }
}
