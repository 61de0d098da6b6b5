package io.tiffin.analytics.internal;

import static io.tiffin.analytics.internal.SeededOrders.line;
import static io.tiffin.analytics.internal.SeededOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.ordering.Order;
import io.tiffin.support.BrowserTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The owner's dashboard shows the conversation funnel, understanding, where customers left and the
 * per-driver table with the API's figures, for one delivered order and three conversations of
 * yesterday (worked out by hand below).
 */
class AnalyticsDashboardBrowserTest extends BrowserTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Rollups rollups;

    @Autowired
    ConversationRollups conversations;

    @Test
    void ownerSeesConversationsUnderstandingAndDrivers() {
        TestMerchant merchant = newMerchant("Dashboard Dhaba " + System.nanoTime());
        // yesterday: inside the dashboard's default range, whatever the hour in Kolkata
        Instant t = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Order delivered = order(
                merchant.id(), "whatsapp", "c-" + UUID.randomUUID(), true, t, line("naan", "Garlic Naan", 2, 6000));
        delivered.accept(20, t.plusSeconds(60));
        delivered.markReady(t.plus(Duration.ofMinutes(18)));
        delivered.pickUpByDriver(t.plus(Duration.ofMinutes(20)));
        delivered.deliver(t.plus(Duration.ofMinutes(32)));
        new SeededOrders(mongo).store(delivered);
        rollups.refresh(delivered.id());
        String deliveryId = new org.bson.types.ObjectId().toHexString();
        mongo.getCollection(Rollups.DELIVERIES)
                .insertOne(new org.bson.Document("_id", new org.bson.types.ObjectId(deliveryId))
                        .append("orderId", delivered.id())
                        .append("merchantId", merchant.id())
                        .append("status", "DELIVERED")
                        .append("driverId", "driver-" + merchant.id())
                        .append("driverName", "Ravi Kumar")
                        .append("trackingToken", UUID.randomUUID().toString()));
        rollups.delivered(deliveryId);
        // messages 4 + 3 + 1 = 8; not understood 1 + 0 + 1 = 2 (25 %); clarifications 2 for 1 order placed;
        // model: 2 of 8 messages (25 %), 3 calls taking 900 ms (300 ms each)
        report(merchant.id(), "A", t, 4, 1, 2, 1, 2, 600, true, 1, "order_placed");
        report(merchant.id(), "B", t, 3, 0, 0, 1, 1, 300, true, 0, "address");
        report(merchant.id(), "C", t, 1, 1, 0, 0, 0, 0, false, 0, "not_understood");

        tablet();
        page = newPage();
        signInToBoard(merchant.ownerEmail(), OWNER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dashboard"))
                .click();
        page.locator("#kpi-conversations[data-value='3']").waitFor();
        String query = "from=" + page.locator("#dash-from").inputValue() + "&to="
                + page.locator("#dash-to").inputValue();
        JsonNode api = parse(get("/api/v1/analytics/summary?" + query, merchant.ownerToken()));
        assertThat(api.at("/funnel/conversations").asLong()).isEqualTo(3);

        assertThat(page.locator("#kpi-not-understood").getAttribute("data-value"))
                .isEqualTo("0.25");
        assertThat(page.locator("#table-funnel tbody tr").allTextContents())
                .startsWith("Conversations3", "Carts shown2", "Confirmed1");
        assertThat(page.locator("#table-understanding tbody tr").allTextContents())
                .containsExactly(
                        "Customer messages8",
                        "Not understood25.0 %",
                        "Clarifying questions per order2",
                        "Read with the local model (LLM fallback)25.0 %",
                        "Average model time (ms)300");
        assertThat(page.locator("#table-left tbody tr").allTextContents())
                .containsExactly("Where to deliver1", "Not understood1");
        assertThat(page.locator("#table-drivers tbody tr").allTextContents()).containsExactly("Ravi Kumar1100.0 %12");
        assertThat(api.at("/delivery/perDriver/0/averageDeliveryMinutes").asDouble())
                .isEqualTo(12.0);
        page.locator("#chart-funnel canvas").first().waitFor();
        page.locator("#chart-left canvas").first().waitFor();
        fullScreenshot(page, "owner-dashboard-conversations.png");
        for (String table : java.util.List.of("table-funnel", "table-left", "table-understanding", "table-drivers")) {
            page.locator("#" + table)
                    .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(SHOTS.resolve("owner-dashboard-" + table + ".png")));
        }
        assertThat(errors).isEmpty();
    }

    private void report(
            String merchantId,
            String name,
            Instant started,
            int messages,
            int notUnderstood,
            int clarifications,
            int modelMessages,
            int modelCalls,
            long modelMillis,
            boolean cart,
            int orders,
            String last) {
        conversations.record(new ConversationUpdated(
                merchantId + "-" + name,
                merchantId,
                "WHATSAPP",
                "customer-" + name,
                started,
                started.plus(Duration.ofMinutes(messages)),
                messages,
                notUnderstood,
                clarifications,
                modelMessages,
                modelCalls,
                modelMillis,
                cart,
                orders,
                last));
    }
}
