package io.tiffin.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.instagram.InstagramRenderProbe;
import io.tiffin.channel.sms.SmsRenderProbe;
import io.tiffin.channel.telegram.TelegramRenderProbe;
import io.tiffin.channel.whatsapp.WhatsAppRenderProbe;
import io.tiffin.platform.text.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * One dialog, every channel: each reply text the dialog has (every template, in every language, with
 * a big cart), in each shape the dialog sends it (plain, two buttons, up to ten item choices with the
 * longest ids it makes), renders on WhatsApp, Instagram, Telegram and SMS within that provider's
 * limits, and no choice is lost on the way.
 */
class NativeRenderingUnitTest {

    private static final Templates TEMPLATES = new Templates(new DefaultResourceLoader(), "classpath:/flows/");

    @Test
    void everyReplyRendersOnEveryChannelWithinItsLimits() throws IOException {
        int checked = 0;
        for (String language : List.of("en", "hi")) {
            for (String key : keys(language)) {
                String text = TEMPLATES.render(language, key, model());
                if (text.isBlank()) {
                    continue;
                }
                for (List<Choice> choices : shapes(language)) {
                    for (Channel channel :
                            List.of(Channel.WHATSAPP, Channel.INSTAGRAM, Channel.TELEGRAM, Channel.SMS)) {
                        OutboundMessage reply =
                                new OutboundMessage(channel, "m1", "+919876543210", text, choices, null);
                        String where = language + "/" + key + "/" + choices.size() + " choices on " + channel;
                        switch (channel) {
                            case WHATSAPP -> whatsapp(WhatsAppRenderProbe.render(reply), choices, where);
                            case INSTAGRAM -> instagram(InstagramRenderProbe.render(reply), choices, where);
                            case TELEGRAM -> telegram(TelegramRenderProbe.render(reply), choices, where);
                            default -> sms(SmsRenderProbe.render(reply), choices, where);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    private static void whatsapp(JsonNode body, List<Choice> choices, String where) {
        if (choices.isEmpty()) {
            assertThat(body.at("/text/body").asString().length()).as(where).isLessThanOrEqualTo(4096);
            return;
        }
        assertThat(body.at("/interactive/body/text")
                        .asString()
                        .codePointCount(
                                0, body.at("/interactive/body/text").asString().length()))
                .as(where)
                .isLessThanOrEqualTo(1024);
        List<String> ids = new ArrayList<>();
        body.at("/interactive/action/buttons").forEach(b -> {
            assertThat(b.at("/reply/title")
                            .asString()
                            .codePointCount(0, b.at("/reply/title").asString().length()))
                    .as(where)
                    .isLessThanOrEqualTo(20);
            assertThat(b.at("/reply/id").asString().length()).as(where).isLessThanOrEqualTo(256);
            ids.add(b.at("/reply/id").asString());
        });
        assertThat(body.at("/interactive/action/buttons").size()).as(where).isLessThanOrEqualTo(3);
        body.at("/interactive/action/sections")
                .forEach(s -> s.get("rows").forEach(r -> {
                    assertThat(r.get("title")
                                    .asString()
                                    .codePointCount(0, r.get("title").asString().length()))
                            .as(where)
                            .isLessThanOrEqualTo(24);
                    assertThat(r.get("id").asString().length()).as(where).isLessThanOrEqualTo(200);
                    ids.add(r.get("id").asString());
                }));
        assertThat(ids)
                .as(where)
                .containsExactlyElementsOf(choices.stream().map(Choice::id).toList());
    }

    private static void instagram(List<JsonNode> bodies, List<Choice> choices, String where) {
        bodies.forEach(b -> assertThat(b.at("/message/text")
                        .asString()
                        .codePointCount(0, b.at("/message/text").asString().length()))
                .as(where)
                .isBetween(1, 1000));
        JsonNode quick = bodies.get(bodies.size() - 1).at("/message/quick_replies");
        assertThat(quick.size()).as(where).isEqualTo(choices.size()).isLessThanOrEqualTo(13);
        quick.forEach(q -> {
            assertThat(q.get("title")
                            .asString()
                            .codePointCount(0, q.get("title").asString().length()))
                    .as(where)
                    .isLessThanOrEqualTo(20);
            assertThat(q.get("payload").asString().length()).as(where).isLessThanOrEqualTo(1000);
        });
    }

    private static void telegram(List<JsonNode> bodies, List<Choice> choices, String where) {
        bodies.forEach(
                b -> assertThat(b.get("text").asString().length()).as(where).isBetween(1, 4096));
        JsonNode keyboard = bodies.get(bodies.size() - 1).at("/reply_markup/inline_keyboard");
        assertThat(keyboard.size()).as(where).isEqualTo(choices.size());
        keyboard.forEach(row -> row.forEach(
                button -> assertThat(button.get("callback_data").asString().getBytes(StandardCharsets.UTF_8).length)
                        .as(where)
                        .isBetween(1, 64)));
    }

    private static void sms(List<String> bodies, List<Choice> choices, String where) {
        bodies.forEach(b -> assertThat(SmsRenderProbe.segments(b)).as(where).isLessThanOrEqualTo(3));
        String last = bodies.get(bodies.size() - 1);
        for (int i = 0; i < choices.size(); i++) {
            assertThat(last).as(where).contains((i + 1) + " " + choices.get(i).title());
        }
    }

    /** The shapes the dialog sends: plain, the two buttons of a cart, and up to ten candidate items. */
    private static List<List<Choice>> shapes(String language) {
        List<Choice> items = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new Choice(
                        "item:paneer_butter_masala_family_pack_" + i + ":2:size=full:spice=extra_hot|"
                                + "less%20oil%20".repeat(10),
                        "Paneer Butter Masala Family Pack " + i))
                .toList();
        return List.of(
                List.of(),
                List.of(
                        new Choice("confirm", TEMPLATES.text(language, "buttons.confirm")),
                        new Choice("cancel", TEMPLATES.text(language, "buttons.cancel"))),
                items.subList(0, 3),
                items);
    }

    private static List<String> keys(String language) throws IOException {
        try (InputStream in = new DefaultResourceLoader()
                .getResource("classpath:/flows/templates/" + language + ".yml")
                .getInputStream()) {
            Map<String, Object> all = new Yaml().load(in);
            return all.entrySet().stream()
                    .filter(e -> e.getValue() instanceof String)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** Every value a template may ask for, with a twelve-line cart so the long replies are long. */
    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> lines = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> Map.<String, Object>of(
                        "quantity",
                        i,
                        "name",
                        "Paneer Butter Masala " + i,
                        "options",
                        "Full, Extra hot",
                        "lineTotal",
                        "₹1,249.00",
                        "note",
                        i % 3 == 0 ? "less oil please" : ""))
                .toList();
        model.put("lines", lines);
        model.put(
                "charges",
                List.of(
                        Map.of("label", "Items", "amount", "₹14,988.00"),
                        Map.of("label", "Delivery", "amount", "₹30.00"),
                        Map.of("label", "Tax (5%)", "amount", "₹749.40")));
        model.put("notes", List.of("I couldn't find \"biriyani special\" on our menu."));
        // answer_each: a question about eight dishes, one of them not on the menu
        List<Map<String, Object>> rows = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> Map.<String, Object>of(
                        "name",
                        "Paneer Butter Masala " + i,
                        "price",
                        "₹1,249.00",
                        "available",
                        i % 4 != 0,
                        "missing",
                        i == 8,
                        "span",
                        "biriyani special",
                        "candidates",
                        "Chicken Biryani, Veg Biryani or Hyderabadi Dum Biryani",
                        "asksAvailable",
                        i % 2 == 0,
                        "tagged",
                        i % 3 == 0,
                        "yes",
                        i % 2 == 1,
                        "tag",
                        "vegetarian"))
                .toList();
        model.put("rows", rows);
        model.put("canAdd", true);
        for (String key : List.of(
                "merchant",
                "customerName",
                "example",
                "number",
                "total",
                "address",
                "payment",
                "items",
                "item",
                "alternatives",
                "span",
                "candidates",
                "group",
                "choices",
                "statusText",
                "reason",
                "time",
                "weekday",
                "minimum",
                "subtotal",
                "missing",
                "distance",
                "radius",
                "readyTime",
                "prepMinutes",
                "etaTime",
                "driverName",
                "driver",
                "trackingUrl",
                "code",
                "otp")) {
            model.put(key, "Spice Route Kitchen and Bar " + key);
        }
        for (String flag : List.of("feeLater", "pickup", "delivery", "needsLocation", "today", "tomorrow")) {
            model.put(flag, true);
        }
        return model;
    }
}
