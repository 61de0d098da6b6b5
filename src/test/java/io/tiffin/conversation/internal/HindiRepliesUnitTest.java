package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menu.Category;
import io.tiffin.catalog.Menu.Item;
import io.tiffin.catalog.Menu.Option;
import io.tiffin.catalog.Menu.OptionGroup;
import io.tiffin.platform.text.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.yaml.snakeyaml.Yaml;

/** A customer who writes Hindi reads Hindi: the templates, and why a line cannot be had. */
class HindiRepliesUnitTest {

    @Test
    void hindiTemplatesHaveEveryEnglishKeyAndShortButtons() throws Exception {
        Map<String, Object> en = load("en");
        Map<String, Object> hi = load("hi");
        assertThat(keys(hi, "")).containsExactlyInAnyOrderElementsOf(keys(en, ""));
        @SuppressWarnings("unchecked")
        Map<String, String> buttons = (Map<String, String>) hi.get("buttons");
        buttons.values().forEach(title -> assertThat(title.length()).as(title).isLessThanOrEqualTo(20));

        Templates templates = new Templates(new DefaultResourceLoader(), "classpath:/flows/");
        assertThat(templates.render("hi", "removed", Map.of("items", "Garlic Naan")))
                .isEqualTo("Garlic Naan आपके कार्ट से हटा दिया गया है।");
    }

    @Test
    void aPricingProblemReachesAHindiCustomerInHindi() {
        Chat chat = new Chat(new Menu(
                "INR",
                List.of(new Category(
                        "Pizza",
                        List.of(new Item(
                                "pizza",
                                "Pizza",
                                List.of(),
                                null,
                                20000L,
                                List.of(),
                                true,
                                List.of(new OptionGroup(
                                        "toppings",
                                        "Toppings",
                                        0,
                                        1,
                                        List.of(),
                                        List.of(
                                                new Option("onion", "Onion", 2000L, List.of(), null, true),
                                                new Option("olives", "Olives", 3000L, List.of(), null, true))))))))));

        String reply = chat.say("ek pizza onion aur olives ke saath chahiye");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(chat.cart()).isEmpty();
        assertThat(reply)
                .contains("*Pizza* के लिए आप ज़्यादा से ज़्यादा 1 toppings चुन सकते हैं।")
                .doesNotContain("at most");
    }

    @Test
    void englishAfterHindiKeepsHindiAndANewHindiEditIsAnsweredInHindi() {
        Chat chat = new Chat();
        chat.say("ek paneer tikka aur do butter naan");

        String reply = chat.say("make it 3");

        assertThat(chat.language()).isEqualTo("hi");
        assertThat(chat.cart()).isEqualTo("1 paneer-tikka, 3 butter-naan");
        assertThat(reply).contains("आपका ऑर्डर");
    }

    private static Map<String, Object> load(String language) throws Exception {
        try (var in = HindiRepliesUnitTest.class.getResourceAsStream("/flows/templates/" + language + ".yml")) {
            return new Yaml().load(in);
        }
    }

    private static List<String> keys(Map<String, Object> map, String prefix) {
        return map.entrySet().stream()
                .flatMap(e -> e.getValue() instanceof Map<?, ?> nested
                        ? keys(cast(nested), prefix + e.getKey() + ".").stream()
                        : java.util.stream.Stream.of(prefix + e.getKey()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
