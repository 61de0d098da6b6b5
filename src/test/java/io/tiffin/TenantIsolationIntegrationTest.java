package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

/** A merchant's users see their own merchant only; everything of another merchant answers 404. */
class TenantIsolationIntegrationTest extends IntegrationTestSupport {

    @Test
    void ownerGetsNotFoundForAnotherMerchantsData() {
        TestMerchant mine = newMerchant("Mine");
        TestMerchant theirs = newMerchant("Theirs");

        for (String path : new String[] {"", "/orders", "/menu", "/users"}) {
            assertThat(get("/api/v1/merchants/" + theirs.id() + path, mine.ownerToken())
                            .statusCode())
                    .as("GET another merchant's %s", path)
                    .isEqualTo(404);
            assertThat(get("/api/v1/merchants/" + mine.id() + path, mine.ownerToken())
                            .statusCode())
                    .as("GET own %s", path)
                    .isEqualTo(200);
        }
        assertThat(putJson("/api/v1/merchants/" + theirs.id() + "/menu", mine.ownerToken(), demoMenu())
                        .statusCode())
                .isEqualTo(404);
        assertThat(postJson(
                                "/api/v1/merchants/" + theirs.id() + "/users",
                                mine.ownerToken(),
                                "{\"email\":\"intruder@test.tiffin.local\",\"password\":\"intruder-pass\",\"role\":\"MERCHANT_STAFF\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsCreateMerchants() {
        TestMerchant mine = newMerchant("Not An Admin");

        assertThat(postJson("/api/v1/merchants", mine.ownerToken(), """
                {"name":"Sneaky","currency":"INR","timezone":"Asia/Kolkata","location":{"lat":1,"lng":1}}
                """).statusCode())
                .isEqualTo(403);
    }

    @Test
    void staffCannotReplaceTheMenu() {
        TestMerchant mine = newMerchant("Staffed");
        String email = "staff-" + System.nanoTime() + "@test.tiffin.local";
        postJson(
                "/api/v1/merchants/" + mine.id() + "/users",
                mine.ownerToken(),
                "{\"email\":\"" + email + "\",\"password\":\"staff-password\",\"role\":\"MERCHANT_STAFF\"}");
        String staff = login(email, "staff-password");

        assertThat(putJson("/api/v1/merchants/" + mine.id() + "/menu", staff, demoMenu())
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/merchants/" + mine.id() + "/orders", staff).statusCode())
                .isEqualTo(200);
    }
}
