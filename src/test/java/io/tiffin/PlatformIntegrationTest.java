package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

class PlatformIntegrationTest extends IntegrationTestSupport {

    @Test
    void healthIsUpOnTheEmbeddedStores() {
        var health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(parse(health).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void servesOpenApiAndMetrics() {
        var docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/menu\"", "/orders\"", "/users\"");
        assertThat(parse(docs).at("/paths").has("/api/v1/auth/login")).isTrue();

        var metrics = get("/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void webChatPageIsServed() {
        assertThat(get("/chat/", null).body()).contains("<script src=\"chat.js\">");
    }

    @Test
    void invalidMenuIsRefusedWholeAndTheStoredMenuStays() {
        TestMerchant merchant = newMerchant("Menu Test");
        String before = get("/api/v1/merchants/" + merchant.id() + "/menu", merchant.ownerToken())
                .body();

        var refused = putJson("/api/v1/merchants/" + merchant.id() + "/menu", merchant.ownerToken(), """
                {"currency":"INR","categories":[{"name":"Mains","items":[
                  {"id":"Bad Id","name":"X","price":-5},
                  {"id":"ok","name":"","price":100}]}]}
                """);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("categories[0].items[0].id", "categories[0].items[0].price", "categories[0].items[1].name");
        assertThat(get("/api/v1/merchants/" + merchant.id() + "/menu", merchant.ownerToken())
                        .body())
                .isEqualTo(before);
    }
}
