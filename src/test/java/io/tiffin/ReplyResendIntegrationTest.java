package io.tiffin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A message with two replies whose second send keeps failing: the handling is retried, and only the
 * reply that had not gone out is sent again, never the one the provider already took.
 */
class ReplyResendIntegrationTest extends IntegrationTestSupport {

    /** More than one handling attempt's worth of client retries, fewer than the inbox's attempts allow. */
    private static final int FAILURES = 5;

    @Test
    void aRetriedMessageSendsOnlyTheRepliesThatHadNotGoneOut() {
        TestMerchant merchant = newMerchant("Resend Kitchen");
        stubGraphApi(merchant);
        String customer = newCustomer();
        say(merchant, customer, "2 butter chicken and 3 garlic naan");
        awaitMessages(merchant, customer, 1);

        // the cart after the removal (2 x 349) fails FAILURES times, then goes through
        String cart = "Total: ₹698";
        for (int i = 0; i < FAILURES; i++) {
            GRAPH.stubFor(post(urlEqualTo("/" + merchant.phoneNumberId() + "/messages"))
                    .atPriority(1)
                    .withRequestBody(containing(cart))
                    .inScenario("cart-" + merchant.id())
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"code\":1,\"message\":\"down\"}}")));
        }
        say(merchant, customer, "remove the garlic naan");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> messagesTo(merchant, customer).stream()
                                .filter(m -> m.contains(cart))
                                .count()
                        >= FAILURES + 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(messagesTo(merchant, customer).stream()
                        .filter(m -> m.contains("Removed Garlic Naan"))
                        .count())
                .isEqualTo(1);
        assertThat(messagesTo(merchant, customer).stream()
                        .filter(m -> m.contains(cart))
                        .count())
                .isEqualTo(FAILURES + 1);
    }

    private void say(TestMerchant merchant, String customer, String text) {
        postWhatsApp(WhatsAppPayloads.text(merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), text));
    }
}
