package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.OutboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change of one option group sent on its own, with a build already in the cart: "make the cheese
 * provolone", "change the bread to wheat", "oat milk instead" change that cart line's pick of the
 * group, never add a line or a second pick; with two lines that have the group, which one is asked,
 * both shown. On the project's counter menu (subs with Bread and Cheese groups, lattes with Milk)
 * and on a menu whose "Cheese" is one option meaning any cheese, beside Provolone and Swiss.
 */
class GroupChangeEditsUnitTest {

    private static final Menu COUNTER = menu("nlu/counter-menu.json");

    @Test
    void makeTheCheeseProvoloneChangesTheSubsCheese() {
        Chat chat = new Chat(COUNTER);
        chat.say("a turkey sub on white with american");

        String reply = chat.say("make the cheese provolone");

        assertThat(chat.cart()).isEqualTo("1 turkey-sub(bread=white cheese=provolone)");
        assertThat(reply).contains("1 × Turkey Sub (White, Provolone)");
    }

    @Test
    void aCheeseIsPickedForASubOrderedWithoutOne() {
        Chat chat = new Chat(COUNTER);
        chat.say("a ham sub on rye");

        chat.say("make the cheese swiss");

        assertThat(chat.cart()).isEqualTo("1 ham-sub(bread=rye cheese=swiss)");
    }

    @Test
    void changeTheBreadToWheatKeepsTheCheese() {
        Chat chat = new Chat(COUNTER);
        chat.say("a turkey sub on white with american");

        chat.say("change the bread to wheat");

        assertThat(chat.cart()).isEqualTo("1 turkey-sub(bread=wheat cheese=american)");
    }

    @Test
    void oatMilkInsteadChangesTheLattesMilk() {
        Chat chat = new Chat(COUNTER);
        chat.say("a large latte with whole milk");

        String reply = chat.say("oat milk instead");

        assertThat(chat.cart()).isEqualTo("1 latte(size=large milk=oat)");
        assertThat(reply).contains("Oat");
    }

    @Test
    void theMilkChangesOnTheOneLineThatHasMilk() {
        Chat chat = new Chat(COUNTER);
        chat.say("a small latte with whole milk and a large americano");

        chat.say("make the milk almond");

        assertThat(chat.cart()).isEqualTo("1 latte(size=small milk=almond), 1 americano(size=large)");
    }

    @Test
    void twoSubsAreAskedAboutWithBothShownAndTheTappedOneChanges() {
        Chat chat = new Chat(COUNTER);
        chat.say("a turkey sub on white");
        chat.say("a ham sub on rye");

        List<OutboundMessage> replies = chat.send("change the bread to wheat");

        assertThat(chat.cart()).isEqualTo("1 turkey-sub(bread=white), 1 ham-sub(bread=rye)");
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).contains("Turkey Sub (White)", "Ham Sub (Rye)");
        assertThat(replies.get(0).buttons()).hasSizeGreaterThanOrEqualTo(2);

        chat.tap(replies.get(0).buttons().get(0));

        assertThat(chat.cart()).isEqualTo("1 turkey-sub(bread=wheat), 1 ham-sub(bread=rye)");
    }

    @Test
    void aPickTheGroupDoesNotHaveChangesNothing() {
        Chat chat = new Chat(COUNTER);
        chat.say("a turkey sub on white with american");

        chat.say("make the cheese cheddar");

        assertThat(chat.cart()).isEqualTo("1 turkey-sub(bread=white cheese=american)");
    }

    @Test
    void onAMenuWhoseCheeseIsAnyCheeseTheCheeseBecomesProvolone() {
        Chat chat = new Chat(anyCheeseMenu());
        chat.say("a tuna sub on wheat with cheese and lettuce");
        assertThat(chat.cart()).isEqualTo("1 tuna-sub(bread=wheat toppings=cheese toppings=lettuce)");

        chat.say("make the cheese provolone");

        assertThat(chat.cart()).isEqualTo("1 tuna-sub(bread=wheat toppings=provolone toppings=lettuce)");
    }

    private static Menu anyCheeseMenu() {
        return JsonMapper.builder().build().readValue("""
                {"currency":"USD","categories":[{"name":"Subs","items":[
                  {"id":"tuna-sub","name":"Tuna Sub","price":750,"optionGroups":[
                    {"id":"bread","name":"Bread","min":1,"max":1,"options":[
                      {"id":"white","name":"White","price":0},{"id":"wheat","name":"Wheat","price":0}]},
                    {"id":"toppings","name":"Toppings","min":0,"max":6,"options":[
                      {"id":"cheese","name":"Cheese","price":0},
                      {"id":"provolone","name":"Provolone","price":0},
                      {"id":"swiss","name":"Swiss","price":0},
                      {"id":"lettuce","name":"Lettuce","price":0},
                      {"id":"tomatoes","name":"Tomatoes","price":0}]}]}]}]}
                """, Menu.class);
    }

    private static Menu menu(String resource) {
        try (InputStream in = GroupChangeEditsUnitTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JsonMapper.builder().build().readValue(in, Menu.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
