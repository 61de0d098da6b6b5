package io.tiffin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What GET answers for a menu can be edited and sent back with PUT (or to preview) as it is. */
class MenuRoundTripIntegrationTest extends IntegrationTestSupport {

    @Test
    void theMenuApisAnswerIsAcceptedByPutAndPreview() {
        TestMerchant merchant = newMerchant("Round Trip");
        String path = "/api/v1/merchants/" + merchant.id() + "/menu";
        JsonNode downloaded = parse(get(path, merchant.ownerToken()));
        long version = downloaded.get("version").asLong();
        ObjectNode edited = (ObjectNode) downloaded.deepCopy();
        ((ObjectNode) edited.at("/menu/categories/0/items/0")).put("price", 12_345);
        String itemId = edited.at("/menu/categories/0/items/0/id").asString();

        HttpResponse<String> preview = send(
                "POST",
                path + "/preview",
                merchant.ownerToken(),
                "application/json",
                edited.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);

        HttpResponse<String> stored = putJson(path, merchant.ownerToken(), edited.toString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(parse(stored).get("version").asLong()).isGreaterThan(version);
        assertThat(item(parse(get(path, merchant.ownerToken())), itemId)
                        .get("price")
                        .asLong())
                .isEqualTo(12_345);
    }

    @Test
    void aBodyWithBothAMenuAndItsOwnCategoriesIsRefused() {
        TestMerchant merchant = newMerchant("Round Trip Both");
        String path = "/api/v1/merchants/" + merchant.id() + "/menu";
        ObjectNode both = (ObjectNode) parse(get(path, merchant.ownerToken())).deepCopy();
        both.set("categories", both.at("/menu/categories"));

        HttpResponse<String> answer = putJson(path, merchant.ownerToken(), both.toString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(parse(answer).at("/problems/0/path").asString()).isEqualTo("menu");
    }

    @Test
    void aWrongValueInsideTheWrapperIsNamedByItsPath() {
        TestMerchant merchant = newMerchant("Round Trip Path");
        String path = "/api/v1/merchants/" + merchant.id() + "/menu";
        ObjectNode edited = (ObjectNode) parse(get(path, merchant.ownerToken())).deepCopy();
        ((ObjectNode) edited.at("/menu/categories/0/items/0")).put("price", 249.5);

        HttpResponse<String> answer = putJson(path, merchant.ownerToken(), edited.toString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(parse(answer).at("/problems/0/path").asString()).isEqualTo("menu.categories[0].items[0].price");
    }
}
