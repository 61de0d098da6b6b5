package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.platform.security.HmacSignatures;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import jakarta.servlet.Filter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Webhooks pass through a security chain of their own (no tokens, no sessions), while everything
 * else still goes through the app's chain and refuses requests without a valid token.
 */
class WebhookSecurityIntegrationTest extends IntegrationTestSupport {

    @Autowired
    FilterChainProxy security;

    @Test
    void aSignedWebhookIsAcknowledgedWithoutASessionWhateverAuthorizationItCarries() {
        TestMerchant merchant = newMerchant("Webhook Chain Kitchen");
        stubGraphApi(merchant);
        byte[] body = WhatsAppPayloads.text(
                        merchant.phoneNumberId(), newCustomer(), WhatsAppPayloads.newMessageId(), "menu")
                .getBytes(StandardCharsets.UTF_8);

        // the app's chain would answer a bearer token that is no token with 401 before the controller
        HttpResponse<String> response = send(request("/webhooks/whatsapp")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer not-a-token")
                .header(
                        "X-Hub-Signature-256",
                        "sha256=" + HmacSignatures.hmacSha256Hex(APP_SECRET.getBytes(StandardCharsets.UTF_8), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aForgedWebhookIsStillRefusedByItsSignature() {
        HttpResponse<String> response = postWhatsApp("{}".getBytes(StandardCharsets.UTF_8), "sha256=" + "0".repeat(64));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_signature");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theWebhookChainDoesNoAuthenticationSessionOrAuthorizationWork() {
        List<String> webhook = filtersFor("POST", "/webhooks/whatsapp");
        List<String> api = filtersFor("GET", "/api/v1/admin/inbox/stats");

        assertThat(webhook).containsExactly("WebAsyncManagerIntegrationFilter", "HeaderWriterFilter");
        assertThat(api)
                .contains(
                        "SecurityContextHolderFilter",
                        "BearerTokenAuthenticationFilter",
                        "SessionManagementFilter",
                        "AuthorizationFilter");
    }

    @Test
    void protectedEndpointsStillRefuseUnauthenticatedRequests() {
        assertThat(get("/api/v1/admin/inbox/stats", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/admin/inbox/stats", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/merchants", null).statusCode()).isEqualTo(401);
        // a path that starts like a webhook's but leads elsewhere never reaches the webhook chain's permit
        assertThat(get("/webhooks/../api/v1/admin/inbox/stats", null).statusCode())
                .isIn(400, 401);
    }

    private List<String> filtersFor(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return security.getFilterChains().stream()
                .filter(chain -> chain.matches(request))
                .findFirst()
                .map(SecurityFilterChain::getFilters)
                .orElseThrow()
                .stream()
                .map(Filter::getClass)
                .map(Class::getSimpleName)
                .toList();
    }
}
