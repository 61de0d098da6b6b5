package io.tiffin.nlu.internal;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.ollama.OllamaChatModel;
import io.tiffin.catalog.Menu;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a local model (Ollama, through langchain4j) to read an order against a slice of the menu,
 * with the answer constrained by a JSON schema whose enums are that slice's ids. The answer is
 * never trusted: every id, option, qualifier and quantity is checked against the menu, and
 * anything invalid becomes a question (an {@link Unresolved}), never a line. It never prices.
 * Prompt, schema and Modelfile live in {@code nlu-models/llm/}.
 */
final class LlmOrderParser {

    static final String PROMPT = "nlu-models/llm/prompt.txt";
    private static final int MAX_QUANTITY = 99;
    private static final String NO_QUALIFIER = "none";

    private final ChatModel model;
    private final String prompt;
    private final ObjectMapper json = JsonMapper.builder().build();

    LlmOrderParser(String baseUrl, String modelName, Duration timeout) {
        this.model = OllamaChatModel.builder()
                .baseUrl(baseUrl)
                .modelName(modelName)
                .temperature(0.0)
                .timeout(timeout)
                .maxRetries(0) // the caller falls back to the deterministic parse; retrying only adds latency
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .build();
        this.prompt = resource(PROMPT);
    }

    /**
     * The model's reading, validated; empty when the model could not be asked or answered
     * something that is not the JSON asked for (the caller keeps its own parse).
     */
    Optional<ParseResult> parse(String utterance, Menu menu, List<Menu.Item> slice) {
        if (slice.isEmpty()) {
            return Optional.empty();
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt), UserMessage.from(menuText(slice) + "\nOrder: " + utterance))
                .responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(schema(slice))
                        .build())
                .build();
        String answer;
        try {
            answer = model.chat(request).aiMessage().text();
        } catch (RuntimeException unreachableOrSlow) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(answer == null ? "" : answer);
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("lines").isArray()) {
            return Optional.empty();
        }
        return Optional.of(validate(root, menu));
    }

    /** Every id checked against the whole menu, not only the slice: a model can name anything. */
    ParseResult validate(JsonNode root, Menu menu) {
        List<Line> lines = new ArrayList<>();
        List<Unresolved> unresolved = new ArrayList<>();
        for (JsonNode line : root.path("lines")) {
            String itemId = line.path("itemId").asString("");
            Optional<Menu.Item> item = menu.item(itemId);
            int quantity = line.path("quantity").asInt(1);
            if (item.isEmpty()) {
                unresolved.add(new Unresolved(itemId, Reason.UNKNOWN_ITEM, List.of()));
                continue;
            }
            if (!item.get().isAvailable()) {
                unresolved.add(new Unresolved(item.get().name(), Reason.UNAVAILABLE, List.of()));
                continue;
            }
            List<ChosenOption> options = new ArrayList<>();
            boolean valid = quantity >= 1 && quantity <= MAX_QUANTITY;
            for (JsonNode option : line.path("options")) {
                ChosenOption chosen = option(item.get(), option);
                if (chosen == null) {
                    valid = false;
                } else {
                    options.add(chosen);
                }
            }
            if (valid) {
                lines.add(new Line(item.get().id(), quantity, options, null));
            } else {
                // something about this line is not on the menu: ask about the item instead of guessing
                unresolved.add(new Unresolved(
                        item.get().name(), Reason.AMBIGUOUS, List.of(item.get().id())));
            }
        }
        for (JsonNode span : root.path("unresolved")) {
            String text = span.isString() ? span.asString() : span.toString();
            if (!text.isBlank()) {
                unresolved.add(new Unresolved(text, Reason.UNKNOWN_ITEM, List.of()));
            }
        }
        Intent intent = lines.isEmpty() && unresolved.isEmpty() ? Intent.OTHER : Intent.ORDER;
        double confidence = unresolved.isEmpty() ? 0.8 : 0.5;
        return new ParseResult(intent, lines, unresolved, confidence);
    }

    private static ChosenOption option(Menu.Item item, JsonNode option) {
        Optional<Menu.OptionGroup> group = item.group(option.path("groupId").asString(""));
        if (group.isEmpty()) {
            return null;
        }
        Optional<Menu.Option> chosen =
                group.get().option(option.path("optionId").asString(""));
        if (chosen.isEmpty() || !chosen.get().isAvailable()) {
            return null;
        }
        String qualifier = option.path("qualifier").asString(NO_QUALIFIER).toLowerCase(Locale.ROOT);
        if (qualifier.isEmpty() || qualifier.equals(NO_QUALIFIER) || qualifier.equals("null")) {
            return new ChosenOption(group.get().id(), chosen.get().id(), null);
        }
        if (!group.get().qualifiers().contains(qualifier)) {
            return null;
        }
        return new ChosenOption(
                group.get().id(), chosen.get().id(), Qualifier.valueOf(qualifier.toUpperCase(Locale.ROOT)));
    }

    /** The slice as the model reads it: ids first, then names, so it copies ids and not names. */
    static String menuText(List<Menu.Item> slice) {
        StringBuilder out = new StringBuilder("Menu part:\n");
        for (Menu.Item item : slice) {
            out.append("- item ").append(item.id()).append(" = ").append(item.name());
            if (!item.aliases().isEmpty()) {
                out.append(" (also: ").append(String.join(", ", item.aliases())).append(')');
            }
            out.append('\n');
            for (Menu.OptionGroup group : item.optionGroups()) {
                out.append("    group ").append(group.id()).append(" = ").append(group.name());
                if (!group.qualifiers().isEmpty()) {
                    out.append(" [qualifiers: ")
                            .append(String.join(", ", group.qualifiers()))
                            .append(']');
                }
                out.append(": ");
                out.append(String.join(
                        ", ",
                        group.options().stream()
                                .map(o -> o.id() + " = " + o.name())
                                .toList()));
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** nlu-models/llm/schema.json with the slice's ids as enums. */
    static JsonSchema schema(List<Menu.Item> slice) {
        Set<String> itemIds = new LinkedHashSet<>();
        Set<String> groupIds = new LinkedHashSet<>();
        Set<String> optionIds = new LinkedHashSet<>();
        for (Menu.Item item : slice) {
            itemIds.add(item.id());
            for (Menu.OptionGroup group : item.optionGroups()) {
                groupIds.add(group.id());
                group.options().forEach(o -> optionIds.add(o.id()));
            }
        }
        JsonObjectSchema.Builder option = JsonObjectSchema.builder()
                .addEnumProperty("groupId", List.copyOf(orNone(groupIds)))
                .addEnumProperty("optionId", List.copyOf(orNone(optionIds)))
                .addEnumProperty("qualifier", List.of("extra", "light", "no", NO_QUALIFIER))
                .required("groupId", "optionId", "qualifier");
        JsonObjectSchema line = JsonObjectSchema.builder()
                .addEnumProperty("itemId", List.copyOf(itemIds))
                .addIntegerProperty("quantity")
                .addProperty(
                        "options",
                        JsonArraySchema.builder().items(option.build()).build())
                .required("itemId", "quantity", "options")
                .build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty("lines", JsonArraySchema.builder().items(line).build())
                .addProperty(
                        "unresolved",
                        JsonArraySchema.builder()
                                .items(dev.langchain4j.model.chat.request.json.JsonStringSchema.builder()
                                        .build())
                                .build())
                .required("lines", "unresolved")
                .build();
        return JsonSchema.builder().name("order").rootElement(root).build();
    }

    private static Set<String> orNone(Set<String> ids) {
        return ids.isEmpty() ? Set.of(NO_QUALIFIER) : ids;
    }

    private static String resource(String path) {
        try (InputStream in = LlmOrderParser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
