package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Confirm tapped on an older cart message: it confirms only the cart that message showed. After
 * a change the customer gets the cart as it is now with a fresh Confirm, and nothing is ordered.
 */
class StaleConfirmUnitTest {

    @Test
    void theOldConfirmAfterAnAdditionShowsTheCartAsItIsNowAndOrdersNothing() {
        Chat chat = new Chat();
        Choice old = confirmOf(chat.send("2 butter chicken"));
        chat.say("add a garlic naan");

        List<OutboundMessage> replies = chat.send(old);

        String text = texts(replies);
        assertThat(text)
                .contains("Your order changed after that message", "2 × Butter Chicken", "1 × Garlic Naan")
                .doesNotContain("Where should we deliver");
        assertThat(chat.orders()).isEmpty();
        assertThat(chat.cart()).isEqualTo("2 butter-chicken, 1 garlic-naan");
        Choice fresh = confirmOf(replies);
        assertThat(fresh.id()).isNotEqualTo(old.id());

        assertThat(chat.tap(fresh)).contains("Where should we deliver");
        chat.say("pickup");
        assertThat(chat.orders().getFirst().items())
                .extracting(i -> i.quantity() + " " + i.itemId())
                .containsExactly("2 butter-chicken", "1 garlic-naan");
    }

    @Test
    void theOldConfirmAfterACountChangeOrARemovalIsStaleToo() {
        Chat chat = new Chat();
        Choice old = confirmOf(chat.send("2 butter chicken and 3 garlic naan"));
        chat.say("make the naan 4");

        assertThat(chat.tap(old))
                .contains("Your order changed", "4 × Garlic Naan")
                .doesNotContain("deliver");

        Choice second = confirmOf(chat.send("remove the naan"));
        chat.say("1 coke");
        assertThat(chat.tap(second)).contains("Your order changed", "1 × Coca-Cola");
        assertThat(chat.orders()).isEmpty();
    }

    @Test
    void aQuestionInBetweenChangesNothingSoTheConfirmStillHolds() {
        Chat chat = new Chat();
        Choice confirm = confirmOf(chat.send("2 butter chicken"));
        chat.say("how much is biryani?");

        assertThat(chat.tap(confirm)).contains("Where should we deliver");
    }

    @Test
    void theOldConfirmOfAClearedCartSaysTheCartIsEmpty() {
        Chat chat = new Chat();
        Choice old = confirmOf(chat.send("1 chole"));
        chat.say("cancel");

        assertThat(chat.tap(old)).contains("Your cart is empty").doesNotContain("deliver");
        assertThat(chat.orders()).isEmpty();
    }

    @Test
    void aHindiChatIsToldInHindi() {
        Chat chat = new Chat();
        Choice old = confirmOf(chat.send("ek paneer tikka aur do butter naan"));
        chat.say("ek garlic naan aur");

        String reply = chat.tap(old);

        assertThat(reply).contains("आपका ऑर्डर उस संदेश के बाद बदल गया है", "1 × Garlic Naan");
        assertThat(chat.orders()).isEmpty();
    }

    @Test
    void aPriceChangedOnTheMenuAfterTheCartWasShownShowsTheNewPricesWithAFreshConfirm() {
        Chat chat = new Chat();
        List<OutboundMessage> shown = chat.send("2 butter chicken");
        assertThat(texts(shown)).contains("2 × Butter Chicken: ₹698");
        Choice old = confirmOf(shown);

        chat.menuChanged(repriced("butter-chicken", 37900));
        List<OutboundMessage> replies = chat.send(old);

        assertThat(texts(replies))
                .contains("Your order changed after that message", "2 × Butter Chicken: ₹758", "Total: ₹758")
                .doesNotContain("Where should we deliver");
        assertThat(chat.orders()).isEmpty();
        Choice fresh = confirmOf(replies);
        assertThat(fresh.id()).isNotEqualTo(old.id());

        assertThat(chat.tap(fresh)).contains("Where should we deliver");
        chat.say("pickup");
        assertThat(chat.orders().getFirst().total()).isEqualTo(75800);
    }

    @Test
    void aMenuEditThatLeavesTheCartsPricesAloneKeepsTheConfirm() {
        Chat chat = new Chat();
        Choice confirm = confirmOf(chat.send("2 butter chicken"));

        chat.menuChanged(repriced("garlic-naan", 9900));

        assertThat(chat.tap(confirm)).contains("Where should we deliver");
    }

    /** The demo menu with one item's price changed, as the merchant's tablet edits it. */
    private static io.tiffin.catalog.Menu repriced(String itemId, long price) {
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.JsonNode menu = json.valueToTree(Chat.DEMO);
        for (tools.jackson.databind.JsonNode category : menu.get("categories")) {
            for (tools.jackson.databind.JsonNode item : category.get("items")) {
                if (item.get("id").asString().equals(itemId)) {
                    ((tools.jackson.databind.node.ObjectNode) item).put("price", price);
                }
            }
        }
        return json.treeToValue(menu, io.tiffin.catalog.Menu.class);
    }

    private static Choice confirmOf(List<OutboundMessage> replies) {
        return replies.stream()
                .flatMap(r -> r.buttons().stream())
                .filter(c -> c.id().startsWith(Replies.CONFIRM))
                .reduce((first, last) -> last)
                .orElseThrow();
    }

    private static String texts(List<OutboundMessage> replies) {
        return String.join("\n", replies.stream().map(OutboundMessage::text).toList());
    }
}
