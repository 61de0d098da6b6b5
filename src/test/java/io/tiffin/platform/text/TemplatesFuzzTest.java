package io.tiffin.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Customer-supplied values (names, addresses, notes) never break a message: every template renders
 * with any text in its fields, and what a customer wrote is never read as template markup.
 * Corpus runs in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class TemplatesFuzzTest {

    private static final Templates TEMPLATES = new Templates(new DefaultResourceLoader(), "classpath:/flows/");
    private static final List<String> LANGUAGES = List.of("en", "hi", "hi-IN", "xx");
    private static final List<String> KEYS = List.of(
            "greeting",
            "removed",
            "unknown_item",
            "ambiguous",
            "paused",
            "address_pin",
            "below_minimum",
            "status",
            "unavailable",
            "missing_choice");
    private static final List<String> FIELDS = List.of(
            "name",
            "merchant",
            "number",
            "total",
            "reason",
            "items",
            "address",
            "span",
            "candidates",
            "item",
            "group",
            "choices",
            "minimum",
            "subtotal",
            "missing",
            "statusText",
            "alternatives");

    @FuzzTest(maxDuration = "10m")
    void anyFieldValueRendersAsPlainText(FuzzedDataProvider data) {
        String language = data.pickValue(LANGUAGES);
        String key = data.pickValue(KEYS);
        String value = data.consumeRemainingAsString();
        Map<String, Object> model = new java.util.HashMap<>();
        FIELDS.forEach(field -> model.put(field, value));
        String rendered = TEMPLATES.render(language, key, model);
        assertThat(rendered).doesNotContain("[object");
        if (key.equals("removed") && !value.isBlank()) {
            // what the customer wrote comes back as written, markup and all, never evaluated
            assertThat(rendered).contains(value.strip());
        }
    }
}
