package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The administration API: suspending a merchant closes its bot to customers until it is resumed,
 * users are switched off and given new passwords, and each of those changes leaves an audit entry
 * with who, what, when, before and after (secrets redacted).
 */
class AdministrationIntegrationTest extends IntegrationTestSupport {

    private HttpResponse<String> patch(String path, String token, String body) {
        return send("PATCH", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode audit(String merchantId) {
        return parse(get("/api/v1/admin/audit?merchantId=" + merchantId, adminToken()))
                .get("items");
    }

    @Test
    void aSuspendedMerchantsBotTakesNoOrdersUntilResumed() {
        TestMerchant merchant = newMerchant("Suspend Me " + System.nanoTime());
        stubGraphApi(merchant);
        String admin = adminToken();
        HttpResponse<String> suspended =
                patch("/api/v1/admin/merchants/" + merchant.id(), admin, "{\"suspended\":true}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(parse(suspended).get("status").asString()).isEqualTo("SUSPENDED");

        String customer = newCustomer();
        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, "Asha", WhatsAppPayloads.newMessageId(), "2 garlic naan"));
        List<String> replies = awaitMessages(merchant, customer, 1);
        assertThat(replies.getLast()).contains("isn't taking orders right now").doesNotContain("(");
        postWhatsApp(WhatsAppPayloads.buttonReply(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "confirm", "Confirm order"));
        assertThat(awaitMessages(merchant, customer, 2).getLast()).contains("isn't taking orders right now");
        assertThat(latestOrderOf(merchant, customer)).isNull();
        // the owner's own pause switch cannot lift a suspension
        assertThat(send("DELETE", "/api/v1/merchants/" + merchant.id() + "/pause", merchant.ownerToken(), null, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(parse(get("/api/v1/merchants/" + merchant.id(), merchant.ownerToken()))
                        .get("suspended")
                        .asBoolean())
                .isTrue();

        assertThat(patch("/api/v1/admin/merchants/" + merchant.id(), admin, "{\"suspended\":false}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "2 garlic naan", "42 Residency Road");
        assertThat(order.get("status").asString()).isEqualTo("PLACED");

        JsonNode entries = audit(merchant.id());
        JsonNode resume = entries.get(0);
        assertThat(resume.get("path").asString()).isEqualTo("/api/v1/admin/merchants/" + merchant.id());
        assertThat(resume.at("/actor/email").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(resume.get("at").asString()).isNotBlank();
        assertThat(json.readTree(resume.get("before").asString())
                        .get("suspended")
                        .asBoolean())
                .isTrue();
        assertThat(json.readTree(resume.get("after").asString())
                        .get("suspended")
                        .asBoolean())
                .isFalse();
        JsonNode ownerResume = entries.get(1);
        assertThat(ownerResume.at("/actor/role").asString()).isEqualTo("MERCHANT_OWNER");
        assertThat(ownerResume.get("method").asString()).isEqualTo("DELETE");
        JsonNode suspend = entries.get(2);
        assertThat(json.readTree(suspend.get("before").asString())
                        .get("suspended")
                        .asBoolean())
                .isFalse();
        assertThat(json.readTree(suspend.get("after").asString()).get("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(json.readTree(suspend.get("request").asString())
                        .get("suspended")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void searchByNameAndStatus() {
        String unique = "Findable " + System.nanoTime();
        TestMerchant merchant = newMerchant(unique);
        String admin = adminToken();
        JsonNode found = parse(
                get("/api/v1/admin/merchants?q=" + unique.replace(" ", "+").toUpperCase(Locale.ROOT), admin));
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asString()).isEqualTo(merchant.id());
        assertThat(found.at("/items/0/status").asString()).isEqualTo("ACTIVE");
        patch("/api/v1/admin/merchants/" + merchant.id(), admin, "{\"suspended\":true}");
        assertThat(parse(get("/api/v1/admin/merchants?status=SUSPENDED&q=" + unique.replace(" ", "+"), admin))
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(parse(get("/api/v1/admin/merchants?status=ACTIVE&q=" + unique.replace(" ", "+"), admin))
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(get("/api/v1/admin/merchants?status=GONE", admin).statusCode())
                .isEqualTo(400);
        assertThat(patch("/api/v1/admin/merchants/" + merchant.id(), admin, "{}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(patch("/api/v1/admin/merchants/nope", admin, "{\"suspended\":true}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void channelSecretsAreWrittenButNeverReadBack() {
        TestMerchant merchant = newMerchant("Secrets " + System.nanoTime());
        HttpResponse<String> changed = patch(
                "/api/v1/admin/merchants/" + merchant.id(),
                adminToken(),
                "{\"name\":\"Renamed\",\"channels\":{\"telegramBotToken\":\"123:very-secret\",\"smsNumber\":\"+15550001\"}}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).doesNotContain("very-secret");
        JsonNode view = parse(changed);
        assertThat(view.get("name").asString()).isEqualTo("Renamed");
        assertThat(view.at("/channels/telegramBotTokenSet").asBoolean()).isTrue();
        assertThat(view.at("/channels/whatsappPhoneNumberId").asString()).isEqualTo(merchant.phoneNumberId());
        JsonNode entry = audit(merchant.id()).get(0);
        assertThat(entry.get("request").asString())
                .doesNotContain("very-secret")
                .contains("***");
    }

    @Test
    void usersAreDisabledAndGivenAPasswordShownOnce() {
        TestMerchant merchant = newMerchant("Users " + System.nanoTime());
        String admin = adminToken();
        JsonNode users = parse(get("/api/v1/admin/merchants/" + merchant.id() + "/users", admin));
        JsonNode owner = users.get(0);
        String ownerId = owner.get("id").asString();
        assertThat(owner.get("disabled").asBoolean()).isFalse();

        assertThat(postJson("/api/v1/admin/users/" + ownerId + "/disable", admin, "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = postJson(
                "/api/v1/auth/login",
                null,
                "{\"email\":\"" + merchant.ownerEmail() + "\",\"password\":\"" + OWNER_PASSWORD + "\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(postJson("/api/v1/admin/users/" + ownerId + "/enable", admin, "")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> reset = postJson("/api/v1/admin/users/" + ownerId + "/reset-password", admin, "");
        String password = parse(reset).get("password").asString();
        assertThat(password).hasSize(16);
        assertThat(login(merchant.ownerEmail(), password)).isNotBlank();

        JsonNode entries = audit(merchant.id());
        // users are addressed by their own id: their merchant is the admin's, so look them up by path
        JsonNode all = parse(get("/api/v1/admin/audit?actor=" + ADMIN_EMAIL + "&size=200", admin))
                .get("items");
        List<String> paths = new java.util.ArrayList<>();
        all.forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths)
                .contains(
                        "/api/v1/admin/users/" + ownerId + "/disable",
                        "/api/v1/admin/users/" + ownerId + "/enable",
                        "/api/v1/admin/users/" + ownerId + "/reset-password");
        for (JsonNode e : all) {
            if (e.get("path").asString().endsWith(ownerId + "/reset-password")) {
                assertThat(e.get("after").asString()).doesNotContain(password).contains("***");
            }
            if (e.get("path").asString().endsWith(ownerId + "/disable")) {
                assertThat(json.readTree(e.get("before").asString())
                                .get("disabled")
                                .asBoolean())
                        .isFalse();
                assertThat(json.readTree(e.get("after").asString())
                                .get("disabled")
                                .asBoolean())
                        .isTrue();
            }
        }
        assertThat(entries).isNotNull();
        String ownerNow = login(merchant.ownerEmail(), password);
        assertThat(get("/api/v1/admin/audit", ownerNow).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/admin/users/" + ownerId + "/disable", ownerNow, "")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void disablingAUserOrResettingTheirPasswordRevokesTheTokensTheyHold() {
        TestMerchant merchant = newMerchant("Revoked " + System.nanoTime());
        String admin = adminToken();
        String ownerId = parse(get("/api/v1/admin/merchants/" + merchant.id() + "/users", admin))
                .get(0)
                .get("id")
                .asString();
        String token = merchant.ownerToken();
        String secondSession = login(merchant.ownerEmail(), OWNER_PASSWORD);
        assertThat(get("/api/v1/merchants/" + merchant.id(), token).statusCode())
                .isEqualTo(200);

        assertThat(postJson("/api/v1/admin/users/" + ownerId + "/disable", admin, "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> revoked = get("/api/v1/merchants/" + merchant.id(), token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(parse(revoked).get("error").asString()).isEqualTo("unauthorized");
        assertThat(get("/api/v1/merchants/" + merchant.id(), secondSession).statusCode())
                .isEqualTo(401);
        // turned back on, the account signs in again; the tokens it held before stay dead
        assertThat(postJson("/api/v1/admin/users/" + ownerId + "/enable", admin, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/merchants/" + merchant.id(), token).statusCode())
                .isEqualTo(401);
        String fresh = login(merchant.ownerEmail(), OWNER_PASSWORD);
        assertThat(get("/api/v1/merchants/" + merchant.id(), fresh).statusCode())
                .isEqualTo(200);

        String password = parse(postJson("/api/v1/admin/users/" + ownerId + "/reset-password", admin, ""))
                .get("password")
                .asString();
        assertThat(get("/api/v1/merchants/" + merchant.id(), fresh).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/merchants/" + merchant.id(), login(merchant.ownerEmail(), password))
                        .statusCode())
                .isEqualTo(200);
        // the admin's own token is untouched by what happened to a merchant's user
        assertThat(get("/api/v1/admin/merchants/" + merchant.id() + "/users", admin)
                        .statusCode())
                .isEqualTo(200);
    }
}
