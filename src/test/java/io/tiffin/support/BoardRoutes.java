package io.tiffin.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes the merchant app will meet once other parts of the platform land (server-priced charges, a
 * line's {@code note}), put into the real server's answers on their way to the browser.
 */
public final class BoardRoutes {

    private static final Pattern ORDERS = Pattern.compile(".*/api/v1/merchants/[^/]+/orders(/[^/?]+)?(\\?.*)?$");

    private BoardRoutes() {}

    /** The order gets a delivery fee of 30.00 and 5% GST of 15.00 in its total, its second line a note. */
    public static void withChargesAndNote(BrowserContext context, ObjectMapper json, String orderId, String note) {
        editOrders(context, json, order -> decorate(order, orderId, note));
    }

    /** Web chat orders come marked as from a customer nobody verified, as the web chat limits mark them. */
    public static void withUnverifiedWebCustomers(BrowserContext context, ObjectMapper json) {
        editOrders(context, json, order -> {
            if ("WEB".equals(order.path("channel").asString())
                    && order.get("customer") instanceof ObjectNode customer) {
                customer.put("verified", false);
            }
        });
    }

    /** Lets the real server answer an order list or one order, then edits each order on its way to the browser. */
    private static void editOrders(BrowserContext context, ObjectMapper json, Consumer<JsonNode> edit) {
        context.route(ORDERS, route -> {
            if (!"GET".equals(route.request().method())) {
                route.resume();
                return;
            }
            var response = route.fetch();
            JsonNode body = json.readTree(response.text());
            if (body.isArray()) {
                body.forEach(edit);
            } else {
                edit.accept(body);
            }
            route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(json.writeValueAsString(body)));
        });
    }

    private static void decorate(JsonNode order, String orderId, String note) {
        if (!(order instanceof ObjectNode node)
                || !orderId.equals(order.path("id").asString())) {
            return;
        }
        long items = node.get("total").asLong();
        ArrayNode charges = node.putArray("charges");
        charges.addObject()
                .put("kind", "DELIVERY_FEE")
                .put("label", "Delivery fee")
                .put("amount", 3000);
        charges.addObject().put("kind", "TAX").put("label", "GST 5%").put("amount", 1500);
        node.put("total", items + 4500);
        ((ObjectNode) node.get("items").get(1)).put("note", note);
    }
}
