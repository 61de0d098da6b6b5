package io.tiffin.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * Every translation in {@code flows/templates} has every English key with the same Mustache tags, so
 * no customer gets a message with a value missing or a section that never shows; and a key a
 * translation lacks is still answered, in English.
 */
class TranslationsUnitTest {

    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/&]?)\\s*([^}\\s]+)\\s*}}");

    @Test
    void everyTranslationHasEveryEnglishKeyWithTheSamePlaceholders() throws IOException {
        Map<String, Set<String>> english = placeholders(load(resource("en.yml")));
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:/flows/templates/*.yml");
        assertThat(files).extracting(Resource::getFilename).contains("en.yml", "hi.yml");

        for (Resource file : files) {
            Map<String, Set<String>> translated = placeholders(load(file));
            assertThat(translated.keySet())
                    .as(file.getFilename() + " keys")
                    .containsExactlyInAnyOrderElementsOf(english.keySet());
            english.forEach((key, tags) -> assertThat(translated.get(key))
                    .as(file.getFilename() + " " + key)
                    .isEqualTo(tags));
        }
    }

    @Test
    void orderUpdatesAreTranslatedIntoHindi() {
        Templates templates = new Templates(new DefaultResourceLoader(), "classpath:/flows/");
        Map<String, Object> model = Map.of(
                "merchant",
                "Spice Route",
                "number",
                "1042",
                "readyTime",
                "7:45 PM",
                "prepMinutes",
                15,
                "reason",
                "",
                "delivery",
                true,
                "pickup",
                false);

        for (String key : new String[] {
            "order_accepted",
            "order_rejected",
            "order_cancelled",
            "order_ready",
            "order_picked_up",
            "order_not_accepted"
        }) {
            String hindi = templates.render("hi", key, model);
            assertThat(hindi)
                    .as(key)
                    .isNotEqualTo(templates.render("en", key, model))
                    .contains("#1042")
                    .containsPattern("\\p{InDevanagari}");
        }
        assertThat(templates.render("hi", "order_accepted", model))
                .isEqualTo(
                        "👍 *Spice Route* ने आपका ऑर्डर *#1042* स्वीकार कर लिया है। यह लगभग *7:45 PM* तक तैयार हो जाएगा (15 मिनट)।");
    }

    @Test
    void aMissingKeyFallsBackToEnglishAndARegionToItsLanguage(@TempDir Path flows) throws IOException {
        Files.createDirectories(flows.resolve("templates"));
        Files.writeString(
                flows.resolve("templates/en.yml"),
                "order_ready: Ready {{number}}\norder_accepted: Accepted {{number}}\n");
        Files.writeString(flows.resolve("templates/hi.yml"), "order_ready: तैयार {{number}}\n");
        Templates templates =
                new Templates(new DefaultResourceLoader(), flows.toUri().toString());

        assertThat(templates.render("hi", "order_ready", Map.of("number", "7"))).isEqualTo("तैयार 7");
        assertThat(templates.render("hi", "order_accepted", Map.of("number", "7")))
                .isEqualTo("Accepted 7");
        assertThat(templates.render("hi-IN", "order_ready", Map.of("number", "7")))
                .isEqualTo("तैयार 7");
        assertThat(templates.render("ta", "order_ready", Map.of("number", "7"))).isEqualTo("Ready 7");
    }

    private static Resource resource(String name) {
        return new DefaultResourceLoader().getResource("classpath:/flows/templates/" + name);
    }

    private static Map<String, Object> load(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new Yaml().load(in);
        }
    }

    /** Each leaf key ("buttons.confirm") with the set of its tags ("#reason", "reason", "/reason"). */
    private static Map<String, Set<String>> placeholders(Map<String, Object> templates) {
        Map<String, Set<String>> all = new TreeMap<>();
        collect(templates, "", all);
        return all;
    }

    private static void collect(Map<?, ?> node, String prefix, Map<String, Set<String>> into) {
        node.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                collect(nested, prefix + key + ".", into);
            } else {
                Set<String> tags = new TreeSet<>();
                Matcher tag = TAG.matcher(String.valueOf(value));
                while (tag.find()) {
                    tags.add(tag.group(1) + tag.group(2));
                }
                into.put(prefix + key, tags);
            }
        });
    }
}
