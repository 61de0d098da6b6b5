package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.platform.text.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.yaml.snakeyaml.Yaml;

class LanguagesUnitTest {

    @Test
    void devanagariAndHinglishAreHindiAndOtherTextKeepsTheLanguage() {
        assertThat(Languages.of("एक पनीर टिक्का", "en")).isEqualTo("hi");
        assertThat(Languages.of("ek paneer tikka aur do butter naan", "en")).isEqualTo("hi");
        assertThat(Languages.of("bhaiya mera order kya hua", "en")).isEqualTo("hi");
        assertThat(Languages.of("what do you have", "en")).isEqualTo("en");
        assertThat(Languages.of("2 butter naan", "hi")).isEqualTo("hi");
        assertThat(Languages.of("2 butter naan", "en")).isEqualTo("en");
    }

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

    private static Map<String, Object> load(String language) throws Exception {
        try (var in = LanguagesUnitTest.class.getResourceAsStream("/flows/templates/" + language + ".yml")) {
            return new Yaml().load(in);
        }
    }

    private static List<String> keys(Map<String, Object> map, String prefix) {
        return map.entrySet().stream().flatMap(e -> e.getValue() instanceof Map<?, ?> nested
                ? keys(cast(nested), prefix + e.getKey() + ".").stream() : java.util.stream.Stream.of(prefix + e.getKey()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
