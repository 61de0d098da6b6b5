package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A driver signed in to the merchant app's API gets nowhere: every merchant route refuses them
 * (403), and another merchant's routes do not even exist for them (404). Their own API is under
 * {@code /api/v1/driver}.
 */
class DriverRoleIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private String driver;

    @BeforeEach
    void merchantWithADriver() {
        merchant = newMerchant("Driver Role Kitchen");
        driver = newDriver(merchant);
    }

    /** Every merchant route, with a body it would accept from the owner. */
    private List<String[]> merchantRoutes(String m) {
        String order = "/api/v1/merchants/" + m + "/orders/" + UUID.randomUUID();
        List<String[]> routes = new ArrayList<>();
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m, null});
        routes.add(new String[] {"PUT", "/api/v1/merchants/" + m + "/pause", "{\"reason\":\"rain\"}"});
        routes.add(new String[] {"DELETE", "/api/v1/merchants/" + m + "/pause", null});
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m + "/users", null});
        routes.add(new String[] {
            "POST",
            "/api/v1/merchants/" + m + "/users",
            "{\"email\":\"x-" + UUID.randomUUID() + "@t.local\",\"password\":\"a-long-password\",\"role\":\"DRIVER\"}"
        });
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m + "/menu", null});
        routes.add(new String[] {"PUT", "/api/v1/merchants/" + m + "/menu", demoMenu()});
        routes.add(new String[] {"POST", "/api/v1/merchants/" + m + "/menu/preview", demoMenu()});
        routes.add(
                new String[] {"PATCH", "/api/v1/merchants/" + m + "/menu/items/garlic-naan", "{\"available\":false}"});
        routes.add(new String[] {
            "PATCH", "/api/v1/merchants/" + m + "/menu/items/paneer-tikka/options/spice/hot", "{\"available\":false}"
        });
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m + "/orders", null});
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m + "/orders?status=PLACED", null});
        routes.add(new String[] {"GET", order, null});
        routes.add(new String[] {"POST", order + "/accept", "{\"prepMinutes\":10}"});
        routes.add(new String[] {"POST", order + "/reject", "{\"reason\":\"closed\"}"});
        routes.add(new String[] {"POST", order + "/preparing", null});
        routes.add(new String[] {"POST", order + "/ready", null});
        routes.add(new String[] {"POST", order + "/picked-up", null});
        routes.add(new String[] {"POST", order + "/handed-over", null});
        routes.add(new String[] {"POST", order + "/delivered", null});
        routes.add(new String[] {"POST", order + "/cancel", "{\"reason\":\"closed\"}"});
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m + "/events", null});
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m + "/drivers", null});
        routes.add(new String[] {"GET", "/api/v1/merchants/" + m + "/deliveries", null});
        routes.add(new String[] {"GET", order + "/delivery", null});
        routes.add(new String[] {"POST", order + "/assign", "{\"driverId\":\"someone\"}"});
        routes.add(new String[] {"PUT", order + "/location", "{\"lat\":12.97,\"lng\":77.59}"});
        routes.add(new String[] {"POST", order + "/delivery/retry", null});
        routes.add(new String[] {"POST", order + "/delivery/cancel", "{\"reason\":\"nobody home\"}"});
        return routes;
    }

    @Test
    void aDriverIsRefusedEveryMerchantRoute() {
        for (String[] route : merchantRoutes(merchant.id())) {
            assertThat(call(route, driver).statusCode())
                    .as(route[0] + " " + route[1])
                    .isEqualTo(403);
        }
        // nothing the driver tried changed anything
        assertThat(parse(get("/api/v1/merchants/" + merchant.id(), merchant.ownerToken()))
                        .get("paused")
                        .asBoolean())
                .isFalse();
        assertThat(item(
                                parse(get("/api/v1/merchants/" + merchant.id() + "/menu", merchant.ownerToken())),
                                "garlic-naan")
                        .get("available")
                        .asBoolean(true))
                .isTrue();
    }

    @Test
    void anotherMerchantsRoutesDoNotExistForADriver() {
        TestMerchant other = newMerchant("Other Kitchen");

        for (String[] route : merchantRoutes(other.id())) {
            assertThat(call(route, driver).statusCode())
                    .as(route[0] + " " + route[1])
                    .isEqualTo(404);
        }
    }

    @Test
    void staffStillReadTheBoardAndDriversTheirOwnApi() {
        String staff = newStaff(merchant);

        assertThat(get("/api/v1/merchants/" + merchant.id() + "/orders", staff).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/merchants/" + merchant.id() + "/drivers", staff).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/driver/route", driver).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/driver/route", staff).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/driver/route", merchant.ownerToken()).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> call(String[] route, String token) {
        return send(
                route[0],
                route[1],
                token,
                route[2] == null ? null : "application/json",
                route[2] == null ? null : route[2].getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
