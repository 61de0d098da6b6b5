package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthIntegrationTest extends IntegrationTestSupport {

    @Test
    void loginReturnsAnExpiringTokenThatOpensTheApi() {
        var response = postJson(
                "/api/v1/auth/login",
                null,
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = parse(response);
        assertThat(Instant.parse(body.get("expiresAt").asString())).isAfter(Instant.now());
        assertThat(body.at("/user/role").asString()).isEqualTo("ADMIN");
        assertThat(body.at("/user/passwordHash").isMissingNode()).isTrue();
        assertThat(get("/api/v1/admin/inbox/stats", body.get("token").asString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordMissingTokenAndForgedTokenAreUnauthorized() {
        assertThat(postJson(
                                "/api/v1/auth/login",
                                null,
                                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"nope-nope\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/admin/inbox/stats", null).statusCode()).isEqualTo(401);
        String token = adminToken();
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(get("/api/v1/admin/inbox/stats", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottledEvenWithTheRightPassword() {
        TestMerchant merchant = newMerchant("Throttle Test");
        String email = "victim-" + System.nanoTime() + "@test.tiffin.local";
        postJson(
                "/api/v1/merchants/" + merchant.id() + "/users",
                merchant.ownerToken(),
                "{\"email\":\"" + email + "\",\"password\":\"right-password\",\"role\":\"MERCHANT_STAFF\"}");

        for (int i = 0; i < 5; i++) {
            assertThat(postJson(
                                    "/api/v1/auth/login",
                                    null,
                                    "{\"email\":\"" + email + "\",\"password\":\"guess-" + i + "\"}")
                            .statusCode())
                    .isEqualTo(401);
        }
        var throttled =
                postJson("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"right-password\"}");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void invalidBodiesAreBadRequests() {
        assertThat(postJson("/api/v1/auth/login", null, "{\"email\":\"\"}").statusCode())
                .isEqualTo(400);
        assertThat(postJson("/api/v1/merchants", adminToken(), "{\"name\":\"x\",\"currency\":\"rupees\"}")
                        .statusCode())
                .isEqualTo(400);
    }
}
