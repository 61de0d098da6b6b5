package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.LineRequest.OptionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole conversations as customers write them, on the demo kitchen's menu and on a cafe's, read by
 * the real parser and answered by the real dialog: after each message, the cart it leaves and what
 * the customer reads. The conversations are in {@code conversation/conversations.chat}:
 *
 * <pre>
 * ## a title
 * menu: cafe                      (the demo menu unless said)
 * &gt; what the customer types      ([tap 2] taps the second button of the last reply)
 * cart: 1 latte(size=large milk=oat), 1 croissant
 * says: Oat Milk | Total          (each part is in the reply)
 * never: Whole Milk               (no part is in the reply)
 * order: 2 chole                  (the last order placed)
 * </pre>
 *
 * Every reply is also checked for what no customer should read: an unfilled template, an empty
 * answer, and an English sentence to a customer who writes Hindi.
 */
class CustomerConversationsUnitTest {

    static final Menu CAFE = cafeMenu();

    /** Words of the English templates that no Hindi reply has (menu names are English and may appear). */
    private static final Pattern ENGLISH = Pattern.compile(
            "(?i)\\b(your|sorry|tap|isn't|which one|did you|removed|please|would you|we have|tell me|couldn't|and|or|favourite)\\b");

    @TestFactory
    Stream<DynamicTest> conversations() {
        return Conversation.read(resource("conversation/conversations.chat")).stream()
                .map(c -> DynamicTest.dynamicTest(c.title(), () -> c.run(transcript())));
    }

    private static StringBuilder transcript;

    private static StringBuilder transcript() {
        if (transcript == null) {
            transcript = new StringBuilder();
        }
        return transcript;
    }

    @org.junit.jupiter.api.AfterAll
    static void writeTranscript() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/conversations.txt"), transcript());
    }

    record Conversation(String title, String menu, List<String> lines) {

        static List<Conversation> read(String text) {
            List<Conversation> all = new ArrayList<>();
            String title = null;
            String menu = "demo";
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("## ")) {
                    if (title != null) {
                        all.add(new Conversation(title, menu, lines));
                    }
                    title = line.substring(3).strip();
                    menu = "demo";
                    lines = new ArrayList<>();
                } else if (line.startsWith("menu:")) {
                    menu = line.substring(5).strip();
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            if (title != null) {
                all.add(new Conversation(title, menu, lines));
            }
            return all;
        }

        void run(StringBuilder out) {
            Chat chat = menu.equals("cafe") ? new Chat(CAFE) : new Chat();
            out.append("\n## ").append(title).append('\n');
            List<OutboundMessage> last = List.of();
            String reply = "";
            for (String line : lines) {
                if (line.startsWith("> ")) {
                    String said = line.substring(2).strip();
                    last = said.startsWith("[tap ")
                            ? chat.send(last.stream()
                                    .flatMap(m -> m.buttons().stream())
                                    .toList()
                                    .get(Integer.parseInt(said.substring(5, said.length() - 1)) - 1))
                            : chat.send(said);
                    reply = last.stream().map(OutboundMessage::text).collect(Collectors.joining("\n"));
                    out.append("> ").append(said).append('\n');
                    out.append(indent(reply)).append('\n');
                    List<String> buttons = last.stream()
                            .flatMap(m -> m.buttons().stream())
                            .map(OutboundMessage.Choice::title)
                            .toList();
                    if (!buttons.isEmpty()) {
                        out.append("   [").append(String.join("] [", buttons)).append("]\n");
                    }
                    out.append("   cart: ").append(cart(chat.lines())).append('\n');
                    assertThat(reply).as(said).isNotBlank().doesNotContain("{{", "}}");
                    if ("hi".equals(chat.language())) {
                        assertThat(ENGLISH.matcher(reply).find())
                                .as("English to a Hindi customer after \"%s\":\n%s", said, reply)
                                .isFalse();
                    }
                } else if (line.startsWith("cart:")) {
                    assertThat(cart(chat.lines()))
                            .as("cart")
                            .isEqualTo(line.substring(5).strip());
                } else if (line.startsWith("says:")) {
                    for (String part : parts(line.substring(5))) {
                        assertThat(reply).contains(part);
                    }
                } else if (line.startsWith("never:")) {
                    for (String part : parts(line.substring(6))) {
                        assertThat(reply).doesNotContain(part);
                    }
                } else if (line.startsWith("order:")) {
                    assertThat(chat.orders()).as("orders").isNotEmpty();
                    assertThat(chat.orders().getLast().items().stream()
                                    .map(i -> i.quantity() + " " + i.itemId())
                                    .collect(Collectors.joining(", ")))
                            .isEqualTo(line.substring(6).strip());
                } else if (line.startsWith("lang:")) {
                    assertThat(chat.language()).isEqualTo(line.substring(5).strip());
                } else {
                    throw new IllegalArgumentException("not a conversation line: " + line);
                }
            }
        }

        private static List<String> parts(String text) {
            return Stream.of(text.split("\\|")).map(String::strip).toList();
        }

        private static String indent(String text) {
            return text.lines().map(l -> "   " + l).collect(Collectors.joining("\n"));
        }
    }

    /** "1 margherita-pizza(size=large toppings=no cheese) -toppings=extra cheese "well done"". */
    static String cart(List<LineRequest> lines) {
        return lines.stream().map(CustomerConversationsUnitTest::describe).collect(Collectors.joining(", "));
    }

    private static String describe(LineRequest line) {
        String options = line.options().stream()
                .map(CustomerConversationsUnitTest::option)
                .collect(Collectors.joining(" "));
        String declined = line.declined() == null
                ? ""
                : line.declined().stream().map(o -> " -" + option(o)).collect(Collectors.joining());
        return line.quantity() + " " + line.itemId() + (options.isEmpty() ? "" : "(" + options + ")") + declined
                + (line.notes() == null || line.notes().isBlank() ? "" : " \"" + line.notes() + "\"");
    }

    private static String option(OptionRequest o) {
        return o.groupId() + "="
                + (o.qualifier() == null ? "" : o.qualifier().name().toLowerCase(Locale.ROOT) + " ")
                + o.optionId();
    }

    private static Menu cafeMenu() {
        try (InputStream in = CustomerConversationsUnitTest.class
                .getClassLoader()
                .getResourceAsStream("conversation/cafe-menu.json")) {
            return JsonMapper.builder().build().readValue(in, Menu.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in =
                CustomerConversationsUnitTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
