package io.tiffin.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.channel.OutboundMessage.ChoiceList;
import io.tiffin.channel.OutboundMessage.ChoiceList.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WhatsAppRendererUnitTest {

    private static final String TO = "+16505551234";

    private static OutboundMessage withButtons(String text, List<Choice> buttons) {
        return new OutboundMessage(Channel.WHATSAPP, "demo", TO, text, buttons, null);
    }

    private static OutboundMessage withList(String text, ChoiceList list) {
        return new OutboundMessage(Channel.WHATSAPP, "demo", TO, text, List.of(), list);
    }

    private static List<Choice> choices(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new Choice("item-" + i, "Item " + i))
                .toList();
    }

    @Test
    void rendersTextLikeMetasExample() {
        JsonNode expected = Fixtures.whatsappJson("outbound_text.json");
        String body = expected.path("text").path("body").asString();

        ObjectNode rendered = WhatsAppRenderer.render(OutboundMessage.text(Channel.WHATSAPP, "demo", TO, body));

        assertThat(rendered).isEqualTo(expected);
    }

    @Test
    void rendersPlainTextWithoutLinkPreview() {
        JsonNode rendered = WhatsAppRenderer.render(OutboundMessage.text(Channel.WHATSAPP, "demo", TO, "Hello"));
        assertThat(rendered.path("type").asString()).isEqualTo("text");
        assertThat(rendered.path("text").path("preview_url").asBoolean()).isFalse();
        assertThat(rendered.path("text").path("body").asString()).isEqualTo("Hello");
    }

    @Test
    void cutsTextTo4096Characters() {
        JsonNode rendered =
                WhatsAppRenderer.render(OutboundMessage.text(Channel.WHATSAPP, "demo", TO, "x".repeat(5000)));
        String body = rendered.path("text").path("body").asString();
        assertThat(body).hasSize(4096).endsWith("…").startsWith("xxx");
    }

    @Test
    void rendersUpToThreeChoicesAsReplyButtonsLikeMetasExample() {
        JsonNode expected = Fixtures.whatsappJson("outbound_interactive_buttons.json");
        String text = expected.path("interactive").path("body").path("text").asString();

        JsonNode rendered = WhatsAppRenderer.render(withButtons(
                text, List.of(new Choice("change-button", "Change"), new Choice("cancel-button", "Cancel"))));

        assertThat(rendered.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(rendered.path("recipient_type").asString()).isEqualTo("individual");
        assertThat(rendered.path("to").asString()).isEqualTo(TO);
        assertThat(rendered.path("type").asString()).isEqualTo("interactive");
        assertThat(rendered.path("interactive").path("type").asString()).isEqualTo("button");
        assertThat(rendered.path("interactive").path("body"))
                .isEqualTo(expected.path("interactive").path("body"));
        assertThat(rendered.path("interactive").path("action"))
                .isEqualTo(expected.path("interactive").path("action"));
    }

    @Test
    void cutsButtonTitlesTo20CharactersAndKeepsTheConfirmPrefix() {
        JsonNode rendered = WhatsAppRenderer.render(withButtons(
                "Your cart: 2 x Margherita",
                List.of(new Choice("confirm", "Confirm order of ₹540 now"), new Choice("edit", "Edit"))));
        JsonNode buttons = rendered.path("interactive").path("action").path("buttons");
        String title = buttons.get(0).path("reply").path("title").asString();
        assertThat(title).hasSize(20).startsWith("Confirm").endsWith("…");
        assertThat(buttons.get(1).path("reply").path("title").asString()).isEqualTo("Edit");
    }

    @Test
    void clipsButtonIdsTo256WithoutAnEllipsis() {
        String longId = "a".repeat(300);
        JsonNode rendered = WhatsAppRenderer.render(withButtons("Pick", List.of(new Choice(longId, "A"))));
        String id = rendered.path("interactive")
                .path("action")
                .path("buttons")
                .get(0)
                .path("reply")
                .path("id")
                .asString();
        assertThat(id).isEqualTo("a".repeat(256));
    }

    @Test
    void cutsInteractiveBodyTo1024Characters() {
        JsonNode rendered = WhatsAppRenderer.render(withButtons("y".repeat(2000), choices(2)));
        assertThat(rendered.path("interactive").path("body").path("text").asString())
                .hasSize(1024);
    }

    @Test
    void neverSplitsAnEmojiWhenCutting() {
        String title = "🍕".repeat(30);
        String cut = WhatsAppRenderer.cut(title, 20);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(20);
        assertThat(cut).startsWith("🍕🍕").endsWith("🍕…");
    }

    @Test
    void turnsMoreThanThreeChoicesIntoASingleSectionList() {
        JsonNode rendered = WhatsAppRenderer.render(withButtons("Which size?", choices(4)));
        JsonNode interactive = rendered.path("interactive");
        assertThat(interactive.path("type").asString()).isEqualTo("list");
        assertThat(interactive.path("action").path("button").asString()).isEqualTo("Choose");
        JsonNode rows = interactive.path("action").path("sections").get(0).path("rows");
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.get(3).path("id").asString()).isEqualTo("item-4");
        assertThat(rows.get(3).path("title").asString()).isEqualTo("Item 4");
        assertThat(interactive.path("action").path("buttons").isMissingNode()).isTrue();
    }

    @Test
    void keepsAtMostTenRowsWhenChoicesOverflow() {
        JsonNode rendered = WhatsAppRenderer.render(withButtons("Menu", choices(14)));
        JsonNode rows = rendered.path("interactive")
                .path("action")
                .path("sections")
                .get(0)
                .path("rows");
        assertThat(rows.size()).isEqualTo(10);
        assertThat(rows.get(9).path("id").asString()).isEqualTo("item-10");
    }

    @Test
    void rendersAListLikeMetasExample() {
        JsonNode expected = Fixtures.whatsappJson("outbound_interactive_list.json");
        JsonNode action = expected.path("interactive").path("action");
        List<Section> sections = new ArrayList<>();
        for (JsonNode section : action.path("sections")) {
            List<Choice> rows = new ArrayList<>();
            for (JsonNode row : section.path("rows")) {
                rows.add(new Choice(
                        row.path("id").asString(),
                        row.path("title").asString(),
                        row.path("description").asString()));
            }
            sections.add(new Section(section.path("title").asString(), rows));
        }
        String text = expected.path("interactive").path("body").path("text").asString();

        JsonNode rendered = WhatsAppRenderer.render(
                withList(text, new ChoiceList(action.path("button").asString(), sections)));

        assertThat(rendered.path("type").asString()).isEqualTo("interactive");
        assertThat(rendered.path("interactive").path("type").asString()).isEqualTo("list");
        assertThat(rendered.path("interactive").path("body"))
                .isEqualTo(expected.path("interactive").path("body"));
        assertThat(rendered.path("interactive").path("action")).isEqualTo(action);
    }

    @Test
    void appliesListLimitsAcrossSections() {
        List<Choice> longRows = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new Choice("r" + i, "A very long row title number " + i, "d".repeat(100)))
                .toList();
        ChoiceList list = new ChoiceList(
                "Pick one of these wonderful things",
                List.of(new Section("First section with a long title", longRows), new Section("Second", longRows)));

        JsonNode action = WhatsAppRenderer.render(withList("Pick", list))
                .path("interactive")
                .path("action");

        assertThat(action.path("button").asString()).hasSize(20);
        JsonNode sections = action.path("sections");
        assertThat(sections.size()).isEqualTo(2);
        assertThat(sections.get(0).path("title").asString()).hasSize(24);
        assertThat(sections.get(0).path("rows").size()).isEqualTo(7);
        assertThat(sections.get(1).path("rows").size()).as("ten rows in total").isEqualTo(3);
        JsonNode row = sections.get(0).path("rows").get(0);
        assertThat(row.path("title").asString()).hasSize(24).startsWith("A very long row");
        assertThat(row.path("description").asString()).hasSize(72);
        assertThat(row.path("id").asString()).isEqualTo("r1");
    }
}
