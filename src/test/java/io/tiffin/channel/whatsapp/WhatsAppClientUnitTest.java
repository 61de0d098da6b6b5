package io.tiffin.channel.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundDeliveryException;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhatsAppClientUnitTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String PATH = "/v23.0/" + PHONE_NUMBER_ID + "/messages";
    private static final String TO = "16505551234";
    private static final String OK =
            new String(Fixtures.whatsapp("send_message_response.json"), StandardCharsets.UTF_8);

    private final WireMockServer meta = new WireMockServer(wireMockConfig().dynamicPort());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WhatsAppClient client;

    @BeforeEach
    void start() {
        meta.start();
        WhatsAppProperties properties = new WhatsAppProperties(
                "secret",
                "verify",
                "test-token",
                meta.baseUrl() + "/v23.0/",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                new WhatsAppProperties.Retry(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(1)));
        client = new WhatsAppClient(
                properties, new FakeMerchants().with("shrub", PHONE_NUMBER_ID), Fixtures.JSON, meters);
    }

    @AfterEach
    void stop() {
        meta.stop();
    }

    private static String error(int code, String message) {
        return """
                {"error":{"message":"%s","type":"OAuthException","code":%d,"error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""".formatted(message, code, message);
    }

    private double failures() {
        var counter = meters.find("tiffin.outbound.failures")
                .tag("channel", "whatsapp")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void postsTextInMetasFormatWithTheBearerToken() {
        meta.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OK)));

        client.send(OutboundMessage.text(Channel.WHATSAPP, "shrub", TO, "Your order #A12 is on its way"));

        meta.verify(
                1,
                postRequestedFor(urlEqualTo(PATH))
                        .withHeader("Authorization", equalTo("Bearer test-token"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234",
                         "type":"text","text":{"preview_url":false,"body":"Your order #A12 is on its way"}}""")));
        assertThat(failures()).isZero();
    }

    @Test
    void postsReplyButtons() {
        meta.stubFor(
                post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(OK)));

        client.send(new OutboundMessage(
                Channel.WHATSAPP,
                "shrub",
                TO,
                "2 x Margherita, total ₹540",
                List.of(new Choice("confirm", "Confirm"), new Choice("edit", "Change")),
                null));

        meta.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"2 x Margherita, total ₹540"},
                  "action":{"buttons":[{"type":"reply","reply":{"id":"confirm","title":"Confirm"}},
                                       {"type":"reply","reply":{"id":"edit","title":"Change"}}]}}}""")));
    }

    @Test
    void postsAList() {
        meta.stubFor(
                post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(OK)));

        client.send(new OutboundMessage(
                Channel.WHATSAPP,
                "shrub",
                TO,
                "Pick a size",
                List.of(),
                new OutboundMessage.ChoiceList(
                        "Sizes",
                        List.of(new OutboundMessage.ChoiceList.Section(
                                "Pizza",
                                List.of(new Choice("s", "Small", "8 inch"), new Choice("l", "Large", "12 inch")))))));

        meta.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"interactive",
                 "interactive":{"type":"list","body":{"text":"Pick a size"},
                  "action":{"button":"Sizes","sections":[{"title":"Pizza","rows":[
                    {"id":"s","title":"Small","description":"8 inch"},
                    {"id":"l","title":"Large","description":"12 inch"}]}]}}}""")));
    }

    @Test
    void retriesAServerErrorAndDelivers() {
        meta.stubFor(post(urlEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(error(1, "An unknown error occurred")))
                .willSetStateTo("recovered"));
        meta.stubFor(post(urlEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        client.send(OutboundMessage.text(Channel.WHATSAPP, "shrub", TO, "hello"));

        meta.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(failures()).isZero();
    }

    @Test
    void retriesMetasRateLimitAndDelivers() {
        meta.stubFor(post(urlEqualTo(PATH))
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody(error(130429, "Rate limit hit")))
                .willSetStateTo("cooled"));
        meta.stubFor(post(urlEqualTo(PATH))
                .inScenario("throttled")
                .whenScenarioStateIs("cooled")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        client.send(OutboundMessage.text(Channel.WHATSAPP, "shrub", TO, "hello"));

        meta.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void failsAtOnceOnAnyOtherClientError() {
        meta.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse().withStatus(400).withBody(error(131047, "Re-engagement message"))));

        assertThatThrownBy(() -> client.send(OutboundMessage.text(Channel.WHATSAPP, "shrub", TO, "hello")))
                .isInstanceOfSatisfying(OutboundDeliveryException.class, e -> {
                    assertThat(e.providerCode()).isEqualTo("131047");
                    assertThat(e.channel()).isEqualTo(Channel.WHATSAPP);
                    assertThat(e.getMessage()).contains("Re-engagement message").contains("1 attempt");
                });
        meta.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(failures()).isEqualTo(1);
    }

    @Test
    void givesUpAfterFourAttemptsOnPersistentServerErrors() {
        meta.stubFor(
                post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withBody("upstream down")));

        assertThatThrownBy(() -> client.send(OutboundMessage.text(Channel.WHATSAPP, "shrub", TO, "hello")))
                .isInstanceOfSatisfying(OutboundDeliveryException.class, e -> {
                    assertThat(e.providerCode()).isNull();
                    assertThat(e.getMessage()).contains("4 attempt").contains("HTTP 503");
                });
        meta.verify(4, postRequestedFor(urlEqualTo(PATH)));
        assertThat(failures()).isEqualTo(1);
    }

    @Test
    void retriesWhenTheConnectionFails() {
        meta.stubFor(post(urlEqualTo(PATH))
                .willReturn(
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.send(OutboundMessage.text(Channel.WHATSAPP, "shrub", TO, "hello")))
                .isInstanceOf(OutboundDeliveryException.class);
        meta.verify(4, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void refusesToSendForAMerchantWithoutAWhatsAppNumber() {
        assertThatThrownBy(() -> client.send(OutboundMessage.text(Channel.WHATSAPP, "nobody", TO, "hello")))
                .isInstanceOf(OutboundDeliveryException.class)
                .hasMessageContaining("no WhatsApp phone number id");
        assertThat(meta.getAllServeEvents()).isEmpty();
    }
}
