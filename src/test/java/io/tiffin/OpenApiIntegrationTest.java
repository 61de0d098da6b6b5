package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the app serves: every operation has a summary and one of the agreed tags. */
class OpenApiIntegrationTest extends IntegrationTestSupport {

    /** The API's sections, one per capability; a new one is added here on purpose, not by a typo. */
    static final Set<String> TAGS = Set.of(
            "Auth",
            "Merchants",
            "Menus",
            "Orders",
            "Delivery",
            "Driver",
            "Tracking",
            "Payments",
            "Webhooks",
            "Web chat",
            "Operations",
            "Analytics",
            "Administration");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    @Test
    void everyOperationHasASummaryAndAnAgreedTag() {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = parse(response).get("paths");
        assertThat(paths.size()).isGreaterThan(10);

        List<String> missingSummary = new ArrayList<>();
        List<String> badTags = new ArrayList<>();
        int operations = 0;
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (operation.getValue().path("summary").asString("").isBlank()) {
                    missingSummary.add(name);
                }
                JsonNode tags = operation.getValue().path("tags");
                if (tags.isEmpty()) {
                    badTags.add(name + " (none)");
                }
                tags.forEach(tag -> {
                    if (!TAGS.contains(tag.asString())) {
                        badTags.add(name + " (" + tag.asString() + ")");
                    }
                });
            }
        }
        assertThat(operations).isGreaterThan(20);
        assertThat(missingSummary).as("operations without a summary").isEmpty();
        assertThat(badTags).as("operations without an agreed tag").isEmpty();
    }

    @Test
    void theMenuAndMerchantListAreDocumented() {
        JsonNode paths = parse(get("/v3/api-docs", null)).get("paths");

        assertThat(paths.at("/~1api~1v1~1merchants/get/tags/0").asString()).isEqualTo("Merchants");
        assertThat(paths.at("/~1api~1v1~1merchants~1{id}/patch/summary").asString())
                .contains("webChat");
        assertThat(paths.at("/~1api~1v1~1merchants~1{merchantId}~1menu/put/tags/0")
                        .asString())
                .isEqualTo("Menus");
    }
}
