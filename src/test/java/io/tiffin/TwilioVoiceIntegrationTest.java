package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.support.IntegrationTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * A phone order through Twilio Voice: signed webhooks in Twilio's own form encoding (the shared
 * fixtures), TwiML answers read with XPath, and the order-number SMS through the REST stand-in.
 */
class TwilioVoiceIntegrationTest extends IntegrationTestSupport {

    /** The URL Twilio signs is the public one, whatever address the request reached. */
    private static final String PUBLIC_URL = "http://localhost:8080";

    private String merchantId;
    private String merchantNumber;
    private String caller;
    private String callSid;

    @BeforeEach
    void merchantWithATwilioNumber() {
        String admin = adminToken();
        merchantNumber = "+1415" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000L));
        HttpResponse<String> created = postJson("/api/v1/merchants", admin, """
                {"name":"Phone Curry House","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                 "location":{"lat":12.97,"lng":77.59},"channels":{"smsNumber":"%s"}}""".formatted(merchantNumber));
        assertThat(created.statusCode()).isEqualTo(201);
        merchantId = parse(created).get("id").asString();
        assertThat(putJson("/api/v1/merchants/" + merchantId + "/menu", admin, demoMenu())
                        .statusCode())
                .isEqualTo(200);
        caller = "+1650" + String.format("%07d", Math.floorMod(System.nanoTime() / 7, 10_000_000L));
        callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM0123\",\"status\":\"queued\"}")));
    }

    @Test
    void aCallerOrdersByVoiceHearsTheTotalConfirmsAndGetsTheOrderNumberBySms() throws Exception {
        HttpResponse<String> greeting = signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));
        assertThat(greeting.statusCode()).isEqualTo(200);
        Document twiml = xml(greeting.body());
        assertThat(xpath(twiml, "/Response/Gather/@input")).isEqualTo("speech dtmf");
        assertThat(xpath(twiml, "/Response/Gather/@action")).isEqualTo("/webhooks/twilio/voice/gather");
        assertThat(xpath(twiml, "/Response/Gather/@hints")).contains("Butter Chicken", "Garlic Naan", "Paneer Tikka");
        assertThat(xpath(twiml, "/Response/Gather/Say")).contains("Welcome to Phone Curry House");
        assertThat(xpath(twiml, "/Response/Redirect")).isEqualTo("/webhooks/twilio/voice/silence");

        Document cart =
                xml(gather("two butter chicken and three garlic naan", "0.93").body());
        // 2 x Butter Chicken (Half) 349 + 3 x Garlic Naan 70 = 908
        assertThat(xpath(cart, "/Response/Gather/Say"))
                .contains("2 Butter Chicken", "3 Garlic Naan", "908 rupees", "Say yes or press 1 for Confirm");

        Document askAddress = xml(gather("Yes.", "0.98").body());
        assertThat(xpath(askAddress, "/Response/Gather/Say")).contains("Where should we deliver");

        Document placed = xml(gather("42 Residency Road Bengaluru", "0.9").body());
        JsonNode order = orderOfCaller();
        assertThat(order.get("total").asLong()).isEqualTo(90800);
        assertThat(order.get("channel").asString()).isEqualTo("VOICE");
        String number = order.get("number").asString();
        assertThat(xpath(placed, "/Response/Say")).contains("number " + String.join(" ", number.split("")), "by SMS");
        assertThat(((org.w3c.dom.NodeList) XPathFactory.newInstance()
                                .newXPath()
                                .evaluate("/Response/Hangup", placed, XPathConstants.NODESET))
                        .getLength())
                .isEqualTo(1);
        List<LoggedRequest> sms = GRAPH.findAll(
                postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json"))
                        .withRequestBody(containing("To=" + URLEncoder.encode(caller, StandardCharsets.UTF_8))));
        assertThat(sms).hasSize(1);
        Map<String, String> sent = decode(sms.get(0).getBodyAsString());
        assertThat(sent.get("From")).isEqualTo(merchantNumber);
        assertThat(sent.get("Body")).contains("#" + number, "908");
        assertThat(sms.get(0).getHeader("Authorization")).startsWith("Basic ");
    }

    @Test
    void keyTwoGoesBackAndClearsTheCart() throws Exception {
        signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));
        gather("one paneer tikka", "0.9");

        Document back = xml(signedPost("/webhooks/twilio/voice/gather", form(Map.of("Digits", "2")))
                .body());

        assertThat(xpath(back, "/Response/Gather/Say")).containsIgnoringCase("cart");
        assertThat(orderOfCaller()).isNull();
    }

    @Test
    void aCallerWhoSaysNothingTwiceIsToldToUseWhatsAppAndTheCallEnds() throws Exception {
        signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));

        Document first =
                xml(signedPost("/webhooks/twilio/voice/silence", form(Map.of())).body());
        Document second =
                xml(signedPost("/webhooks/twilio/voice/gather", form(Map.of())).body());

        assertThat(xpath(first, "/Response/Gather/Say")).contains("did not hear");
        assertThat(xpath(second, "/Response/Say")).contains("WhatsApp");
        assertThat(xpath(second, "count(/Response/Gather)")).isEqualTo("0");
        assertThat(xpath(second, "count(/Response/Hangup)")).isEqualTo("1");
    }

    @Test
    void aForgedSignatureIsRefusedAndChangesNothing() {
        String body = fixture("voice_inbound_call.txt");
        HttpResponse<String> forged = send(request("/webhooks/twilio/voice")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        TwilioSignature.HEADER,
                        TwilioSignature.compute("wrong-token", PUBLIC_URL + "/webhooks/twilio/voice", decode(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        HttpResponse<String> unsigned = send(request("/webhooks/twilio/voice/gather")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("SpeechResult", "two butter chicken"))))
                .build());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(orderOfCaller()).isNull();
    }

    @Test
    void theCallStatusCallbackEndsTheSession() throws Exception {
        signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));

        assertThat(signedPost("/webhooks/twilio/voice/status", form(Map.of("CallStatus", "completed")))
                        .statusCode())
                .isEqualTo(204);
        // a webhook for the ended call starts afresh: the first silence only asks again
        Document after =
                xml(signedPost("/webhooks/twilio/voice/silence", form(Map.of())).body());
        assertThat(xpath(after, "/Response/Gather/Say")).contains("did not hear");
    }

    @Test
    void speechTwilioIsUnsureOfIsRepeatedBackAndActedOnOnlyOnceConfirmed() throws Exception {
        signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));

        Document check = xml(gather("two butter chicken.", "0.31").body());

        assertThat(xpath(check, "/Response/Gather/Say"))
                .isEqualTo("I heard two butter chicken. Is that right? Say yes or press 1, or say it again.");
        assertThat(xpath(check, "/Response/Gather/@input")).isEqualTo("speech dtmf");
        Document cart = xml(gather("yes", "0.95").body());
        assertThat(xpath(cart, "/Response/Gather/Say"))
                .contains("2 Butter Chicken", "698 rupees", "Say yes or press 1 for Confirm");
    }

    @Test
    void unsureSpeechDeniedIsAskedForAgainAndConfidentSpeechCountsAtOnce() throws Exception {
        signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));
        xml(gather("two butter chicken", "0.2").body());

        Document again = xml(signedPost("/webhooks/twilio/voice/gather", form(Map.of("Digits", "2")))
                .body());
        Document cart = xml(gather("three garlic naan", "0.85").body());

        assertThat(xpath(again, "/Response/Gather/Say")).isEqualTo("Sorry about that. Please say it again.");
        assertThat(xpath(cart, "/Response/Gather/Say"))
                .contains("3 Garlic Naan", "210 rupees")
                .doesNotContain("Butter Chicken");
    }

    @Test
    void aCallerIsOfferedTheAddressOfTheirLastDeliveryEvenOneOrderedBySms() throws Exception {
        sms("2 butter chicken");
        awaitSmsTo(caller, "Total");
        sms("1");
        awaitSmsTo(caller, "Where should we deliver");
        sms("12 MG Road, Bengaluru 560001");
        awaitSmsTo(caller, "is placed");

        signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));
        gather("one paneer tikka", "0.95");
        Document offer = xml(gather("yes", "0.95").body());

        assertThat(xpath(offer, "/Response/Gather/Say"))
                .startsWith("Deliver to 12 MG Road, Bengaluru 560001 again?")
                .contains("Say yes or press 1 for Yes, same address", "Say no or press 2 for Another address");
        Document placed = xml(signedPost("/webhooks/twilio/voice/gather", form(Map.of("Digits", "1")))
                .body());
        assertThat(xpath(placed, "count(/Response/Hangup)")).isEqualTo("1");
        JsonNode order = orderOfCaller("VOICE");
        assertThat(order.at("/deliveryAddress/text").asString()).isEqualTo("12 MG Road, Bengaluru 560001");
        assertThat(order.at("/items/0/name").asString()).isEqualTo("Paneer Tikka");
    }

    @Test
    void anotherAddressCanBeGivenInsteadOfTheLastOne() throws Exception {
        sms("2 butter chicken");
        awaitSmsTo(caller, "Total");
        sms("1");
        awaitSmsTo(caller, "Where should we deliver");
        sms("12 MG Road, Bengaluru 560001");
        awaitSmsTo(caller, "is placed");
        signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"));
        gather("one paneer tikka", "0.95");
        gather("yes", "0.95");

        Document ask = xml(gather("no", "0.95").body());
        assertThat(xpath(ask, "/Response/Gather/Say")).contains("Where should we deliver");
        gather("42 Residency Road Bengaluru", "0.9");

        assertThat(orderOfCaller("VOICE").at("/deliveryAddress/text").asString())
                .isEqualTo("42 Residency Road Bengaluru");
    }

    @Test
    void aCallerSpeakingHindiIsAnsweredInHindiAndHeardAsHindi() throws Exception {
        Document greeting = xml(signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"))
                .body());
        assertThat(xpath(greeting, "/Response/Gather/@language")).isEqualTo("en-IN");

        Document cart =
                xml(gather("do butter chicken aur teen garlic naan", "0.9").body());

        // the cart from flows/templates/hi.yml, the rupees and the choices from its voice_call phrases
        assertThat(xpath(cart, "/Response/Gather/@language")).isEqualTo("hi-IN");
        assertThat(xpath(cart, "/Response/Gather/@hints")).contains("Butter Chicken", "Garlic Naan");
        assertThat(xpath(cart, "/Response/Gather/Say/@language")).isEqualTo("hi-IN");
        assertThat(xpath(cart, "/Response/Gather/Say/@voice")).isEqualTo("Polly.Aditi");
        assertThat(xpath(cart, "/Response/Gather/Say"))
                .contains(
                        "आपका ऑर्डर", "2 Butter Chicken", "908 रुपये", "ऑर्डर पक्का करें के लिए हाँ बोलें या 1 दबाएँ।");
        Document silence =
                xml(signedPost("/webhooks/twilio/voice/silence", form(Map.of())).body());
        assertThat(xpath(silence, "/Response/Gather/Say"))
                .isEqualTo("माफ़ कीजिए, मुझे कुछ सुनाई नहीं दिया। आप क्या ऑर्डर करना चाहेंगे?");
        assertThat(xpath(silence, "/Response/Gather/@language")).isEqualTo("hi-IN");
        Document address = xml(gather("हाँ।", "0.9").body());
        assertThat(xpath(address, "/Response/Gather/Say")).contains("कहाँ डिलीवर करें?");

        // the caller's next call starts in Hindi
        signedPost("/webhooks/twilio/voice/status", form(Map.of("CallStatus", "completed")));
        callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Document next = xml(signedPost("/webhooks/twilio/voice", fixture("voice_inbound_call.txt"))
                .body());
        assertThat(xpath(next, "/Response/Gather/@language")).isEqualTo("hi-IN");
        assertThat(xpath(next, "/Response/Gather/Say"))
                .startsWith("Phone Curry House में आपका स्वागत है।")
                .contains("जैसे दो ");
    }

    private void sms(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        params.put("SmsMessageSid", sid);
        params.put("MessageSid", sid);
        params.put("NumMedia", "0");
        params.put("Body", text);
        params.put("To", merchantNumber);
        params.put("From", caller);
        params.put("AccountSid", TWILIO_ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        assertThat(signedPost("/webhooks/twilio/sms", encode(params)).statusCode())
                .isEqualTo(200);
    }

    private String awaitSmsTo(String to, String containing) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(
                        () -> GRAPH
                                .findAll(postRequestedFor(
                                        urlEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json")))
                                .stream()
                                .map(r -> decode(r.getBodyAsString()))
                                .filter(m -> to.equals(m.get("To")))
                                .map(m -> m.get("Body"))
                                .filter(b -> b.contains(containing))
                                .findFirst()
                                .orElse(null),
                        b -> b != null);
    }

    private JsonNode orderOfCaller(String channel) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> {
                            for (JsonNode order :
                                    parse(get("/api/v1/merchants/" + merchantId + "/orders", adminToken()))) {
                                if (caller.equals(order.at("/customer/id").asString())
                                        && channel.equals(order.get("channel").asString())) {
                                    return order;
                                }
                            }
                            return null;
                        },
                        o -> o != null);
    }

    private HttpResponse<String> gather(String speech, String confidence) {
        String body = fixture("voice_gather_speech_result.txt");
        Map<String, String> params = decode(body);
        params.put("SpeechResult", speech);
        params.put("Confidence", confidence);
        return signedPost("/webhooks/twilio/voice/gather", encode(params));
    }

    /** The fixture's parameters, for this call, this caller and this merchant's number. */
    private String fixture(String name) {
        try {
            Map<String, String> params = decode(Files.readString(Path.of("../shared/fixtures/twilio/" + name))
                    .strip());
            return form(params);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String form(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(Map.of(
                "AccountSid",
                TWILIO_ACCOUNT_SID,
                "ApiVersion",
                "2010-04-01",
                "Direction",
                "inbound",
                "CallStatus",
                "in-progress"));
        params.putAll(extra);
        params.put("CallSid", callSid);
        params.put("From", caller);
        params.put("Caller", caller);
        params.put("To", merchantNumber);
        params.put("Called", merchantNumber);
        return encode(params);
    }

    private HttpResponse<String> signedPost(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        TwilioSignature.HEADER,
                        TwilioSignature.compute(TWILIO_AUTH_TOKEN, PUBLIC_URL + path, decode(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private JsonNode orderOfCaller() {
        for (JsonNode order : parse(get("/api/v1/merchants/" + merchantId + "/orders", adminToken()))) {
            if (caller.equals(order.at("/customer/id").asString())) {
                return order;
            }
        }
        return null;
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
    }
}
