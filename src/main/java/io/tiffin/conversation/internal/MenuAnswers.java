package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.conversation.internal.Replies.Turn;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Question;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.nlu.ParseResult.Topic;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.PricedCart;
import io.tiffin.ordering.Pricing;
import io.tiffin.ordering.PricingException;
import io.tiffin.platform.text.MoneyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Answers questions about the menu from the menu: a price, what carries a dietary tag, what an item
 * comes with, what is available. The cart is never changed; every item named comes with a button to
 * add it.
 */
@Component
class MenuAnswers {

    private static final int MAX_ITEMS = 10;

    /** Rows of a list answer ("which desserts"): a phone screen's worth; the rest are counted. */
    static final int LIST_ROWS = 8;

    private final Replies replies;
    private final MenuTexts menuTexts;
    private final CartSteps steps;

    MenuAnswers(Replies replies, MenuTexts menuTexts, CartSteps steps) {
        this.replies = replies;
        this.menuTexts = menuTexts;
        this.steps = steps;
    }

    List<OutboundMessage> answer(Turn turn, Question question) {
        return answer(turn, question, List.of());
    }

    /**
     * {@code said} are the lines the question's words read as: "how much is a large chicken biryani"
     * is answered with the large one's price, not the regular one's.
     */
    List<OutboundMessage> answer(Turn turn, Question question, List<ParseResult.Line> said) {
        return answer(turn, question, said, List.of());
    }

    /**
     * {@code unknown} is what the question's words named that the menu does not have, with the
     * closest items: "do you have gulab jamun and sushi" says there is no sushi, and what is near.
     */
    List<OutboundMessage> answer(
            Turn turn, Question question, List<ParseResult.Line> said, List<ParseResult.Unresolved> unknown) {
        if (!question.each().isEmpty() && question.topic() != Topic.CONTENTS) {
            return List.of(each(turn, question, said, unknown));
        }
        Menu menu = turn.menu();
        Reference subject = question.subject();
        List<Menu.Item> all = items(menu, subject);
        List<Menu.Item> items = all.subList(0, Math.min(MAX_ITEMS, all.size()));
        if (items.isEmpty() && subject.position() != null) {
            // "is it spicy?" (the last line), "is the second one spicy": a line of the cart; with
            // no such line, the whole menu
            List<LineRequest> cart = turn.session().cart();
            int at = subject.position() < 0 ? cart.size() + subject.position() : subject.position() - 1;
            items = all = at < 0 || at >= cart.size()
                    ? List.of()
                    : menu.item(cart.get(at).itemId()).map(List::of).orElse(List.of());
            subject = Reference.LAST;
        }
        if (items.isEmpty() && !subject.span().isBlank() && question.topic() != Topic.TAG) {
            return List.of(replies.say(turn, "no_such_item", Map.of("span", subject.span(), "candidates", "")));
        }
        return switch (question.topic()) {
            // "how much is the total": the cart answers that
            case PRICE ->
                !items.isEmpty()
                        ? List.of(withAdd(
                                turn, "answer_price", withChoices(turn, rows(turn, menu, items), items, said), items))
                        : turn.session().cart().isEmpty()
                                ? List.of(replies.say(turn, "menu", menuTexts.model(menu, language(turn))))
                                : List.of(steps.cartReply(turn, List.of()));
            case TAG -> tagged(turn, question, all);
            case CONTENTS -> List.of(withAdd(turn, "answer_contents", rows(turn, menu, items), items));
            case AVAILABLE ->
                items.isEmpty()
                        ? List.of(replies.say(turn, "menu", menuTexts.model(menu, language(turn))))
                        // "which desserts", "do you have biryani": a list, not a "yes" per dish
                        : all.size() > 1
                                ? List.of(list(turn, "answer_list", all, Map.of("category", categoryOf(menu, all))))
                                : List.of(withAdd(turn, "answer_available", rows(turn, menu, items), items));
        };
    }

    /**
     * "do you have gulab jamun and kulfi?", "how much are the biryani and the naan", "is the paneer
     * tikka and the dal veg?": a row per dish, in the order asked (each dish a name fits, when it fits
     * several), a dish the menu does not have said so with what is near, and a button for each dish
     * that can be had.
     */
    private OutboundMessage each(
            Turn turn, Question question, List<ParseResult.Line> said, List<ParseResult.Unresolved> unknown) {
        Menu menu = turn.menu();
        String tag = question.tag() == null ? "" : replies.text(turn, "tag_names." + question.tag(), question.tag());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Menu.Item> shown = new ArrayList<>();
        List<Map<String, Object>> shownRows = new ArrayList<>();
        for (Reference subject : question.each()) {
            List<Menu.Item> items = items(menu, subject);
            if (items.isEmpty()) {
                rows.add(missing(turn, subject.span(), unknown));
                continue;
            }
            for (Menu.Item item : items) {
                if (shown.contains(item) || shown.size() == LIST_ROWS) {
                    continue;
                }
                Map<String, Object> row = rows(turn, menu, List.of(item)).get(0);
                row.put("missing", false);
                row.put("span", "");
                row.put("candidates", "");
                row.put("asksAvailable", question.topic() == Topic.AVAILABLE);
                row.put("tagged", question.topic() == Topic.TAG);
                row.put("yes", hasTag(item, question));
                row.put("tag", tag);
                rows.add(row);
                shown.add(item);
                shownRows.add(row);
            }
        }
        if (question.topic() == Topic.PRICE) {
            // "how much are a large biryani and a naan": the large one's price
            withChoices(turn, shownRows, shown, said);
        }
        List<Menu.Item> orderable =
                shown.stream().filter(Menu.Item::isAvailable).toList();
        return replies.choose(
                turn, "answer_each", Map.of("rows", rows, "canAdd", !orderable.isEmpty()), addChoices(orderable));
    }

    /** The row of a name the menu does not have, with the items the parser found nearest to it. */
    private Map<String, Object> missing(Turn turn, String span, List<ParseResult.Unresolved> unknown) {
        List<String> near = unknown.stream()
                .filter(u -> u.span().contains(span) || span.contains(u.span()))
                .flatMap(u -> u.candidates().stream())
                .distinct()
                .map(turn.menu()::item)
                .flatMap(java.util.Optional::stream)
                .filter(Menu.Item::isAvailable)
                .map(Menu.Item::name)
                .limit(3)
                .toList();
        Map<String, Object> row = new HashMap<>();
        row.put("missing", true);
        row.put("span", span);
        row.put("candidates", near.isEmpty() ? "" : replies.orList(turn, near));
        return row;
    }

    private List<OutboundMessage> tagged(Turn turn, Question question, List<Menu.Item> subject) {
        Menu menu = turn.menu();
        String tag = replies.text(turn, "tag_names." + question.tag(), question.tag());
        if (isCategory(menu, subject)) {
            // "what veg starters do you have": the starters that are veg, not a yes or no for each
            List<Menu.Item> tagged = subject.stream()
                    .filter(Menu.Item::isAvailable)
                    .filter(i -> hasTag(i, question))
                    .toList();
            return List.of(list(turn, "answer_tag", tagged, Map.of("any", !tagged.isEmpty(), "tag", tag)));
        }
        if (!subject.isEmpty()) {
            // "is the biryani spicy": each biryani answered, not only the first
            List<OutboundMessage> answers = new java.util.ArrayList<>();
            for (Menu.Item item : subject.subList(0, Math.min(3, subject.size()))) {
                Map<String, Object> model =
                        new HashMap<>(rows(turn, menu, List.of(item)).get(0));
                model.put("yes", hasTag(item, question));
                model.put("tag", tag);
                model.put("choice", "");
                model.put("usual", "");
                choiceOf(item, question).ifPresent(group -> {
                    // "is the rogan josh spicy": not tagged, but made as hot as the customer asks
                    model.put(
                            "choice",
                            replies.orList(
                                    turn,
                                    group.options().stream()
                                            .filter(Menu.Option::isAvailable)
                                            .map(Menu.Option::name)
                                            .toList()));
                    group.options().stream()
                            .filter(Menu.Option::isDefault)
                            .findFirst()
                            .ifPresent(o -> model.put("usual", o.name()));
                });
                answers.add(replies.choose(turn, "answer_tag_item", model, addChoices(List.of(item))));
            }
            return answers;
        }
        List<Menu.Item> tagged = menu.items()
                .filter(Menu.Item::isAvailable)
                .filter(i -> hasTag(i, question))
                .toList();
        return List.of(list(turn, "answer_tag", tagged, Map.of("any", !tagged.isEmpty(), "tag", tag)));
    }

    /** Whether the items are a whole category of the menu, several of them: what "the starters" names. */
    private static boolean isCategory(Menu menu, List<Menu.Item> items) {
        return items.size() > 1
                && menu.categories().stream()
                        .anyMatch(c ->
                                c.items().size() == items.size() && c.items().containsAll(items));
    }

    /**
     * Items as a short list: those to be had first, so that the count of the rest ("and 16 more")
     * hides the sold-out ones first; each shown item that can be ordered is a button.
     */
    private OutboundMessage list(Turn turn, String key, List<Menu.Item> items, Map<String, Object> extra) {
        List<Menu.Item> ordered = Stream.concat(
                        items.stream().filter(Menu.Item::isAvailable),
                        items.stream().filter(i -> !i.isAvailable()))
                .toList();
        List<Menu.Item> shown = ordered.subList(0, Math.min(LIST_ROWS, ordered.size()));
        List<Menu.Item> orderable =
                shown.stream().filter(Menu.Item::isAvailable).toList();
        Map<String, Object> model = new HashMap<>(extra);
        model.put("items", rows(turn, turn.menu(), shown));
        model.put("hasMore", ordered.size() > shown.size());
        model.put("more", ordered.size() - shown.size());
        model.put("canAdd", !orderable.isEmpty());
        return replies.choose(turn, key, model, addChoices(orderable));
    }

    /** The menu's category the items are, all of it and nothing else ("Desserts"); empty otherwise. */
    private static String categoryOf(Menu menu, List<Menu.Item> items) {
        java.util.Set<String> ids = items.stream().map(Menu.Item::id).collect(java.util.stream.Collectors.toSet());
        return menu.categories().stream()
                .filter(c ->
                        c.items().size() == ids.size() && c.items().stream().allMatch(i -> ids.contains(i.id())))
                .map(Menu.Category::name)
                .findFirst()
                .orElse("");
    }

    private static String language(Turn turn) {
        return turn.session().language();
    }

    /** Each row of an item said with choices priced with them, named with them ("Chicken Biryani (Large)"). */
    private static List<Map<String, Object>> withChoices(
            Turn turn, List<Map<String, Object>> rows, List<Menu.Item> items, List<ParseResult.Line> said) {
        Menu menu = turn.menu();
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).id();
            for (ParseResult.Line line : said) {
                if (!line.itemId().equals(id) || line.options().isEmpty()) {
                    continue;
                }
                try {
                    PricedCart.PricedLine priced =
                            Pricing.priceLine(menu, CartSteps.toRequest(line).withQuantity(1));
                    String choices = priced.options().stream()
                            .map(PricedCart.PricedOption::name)
                            .collect(java.util.stream.Collectors.joining(", "));
                    rows.get(i).put("name", priced.name() + (choices.isEmpty() ? "" : " (" + choices + ")"));
                    rows.get(i).put("price", MoneyText.format(priced.unitPrice(), menu.currency(), language(turn)));
                } catch (PricingException e) {
                    // a choice the item cannot take: its starting price stands
                }
                break;
            }
        }
        return rows;
    }

    private OutboundMessage withAdd(Turn turn, String key, List<Map<String, Object>> rows, List<Menu.Item> items) {
        return replies.choose(
                turn,
                key,
                Map.of("items", rows),
                addChoices(items.stream().filter(Menu.Item::isAvailable).toList()));
    }

    /** The item's option group with an option named or aliased as the tag asked ("Hot", alias "spicy"). */
    private static java.util.Optional<Menu.OptionGroup> choiceOf(Menu.Item item, Question question) {
        return item.optionGroups().stream()
                .filter(g -> g.options().stream()
                        .anyMatch(o -> Stream.concat(Stream.of(o.name()), o.aliases().stream())
                                .anyMatch(n -> question.tagSpellings().contains(n.toLowerCase(Locale.ROOT)))))
                .findFirst();
    }

    private static boolean hasTag(Menu.Item item, Question question) {
        return item.tags().stream().anyMatch(t -> question.tagSpellings().contains(t.toLowerCase(Locale.ROOT)));
    }

    /** The items asked about: those named exactly, else every item the words fit ("biryani"). */
    private static List<Menu.Item> items(Menu menu, Reference subject) {
        List<String> ids = subject.itemIds().isEmpty() ? subject.looseItemIds() : subject.itemIds();
        return ids.stream()
                .map(menu::item)
                .flatMap(java.util.Optional::stream)
                .distinct()
                .toList();
    }

    private List<Map<String, Object>> rows(Turn turn, Menu menu, List<Menu.Item> items) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Menu.Item item : items) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", item.name());
            row.put("price", MoneyText.format(MenuTexts.startingPrice(menu, item), menu.currency(), language(turn)));
            row.put("available", item.isAvailable());
            row.put("description", item.description() == null ? "" : item.description());
            row.put(
                    "groups",
                    item.optionGroups().stream()
                            .map(g -> Map.of(
                                    "name",
                                    g.name(),
                                    "options",
                                    replies.orList(
                                            turn,
                                            g.options().stream()
                                                    .filter(Menu.Option::isAvailable)
                                                    .map(o -> o.name()
                                                            + (o.priceOrZero() > 0
                                                                    ? " (+"
                                                                            + MoneyText.format(
                                                                                    o.priceOrZero(),
                                                                                    menu.currency(),
                                                                                    language(turn))
                                                                            + ")"
                                                                    : ""))
                                                    .toList())))
                            .toList());
            rows.add(row);
        }
        return rows;
    }

    private static List<Choice> addChoices(List<Menu.Item> items) {
        return items.stream()
                .limit(MAX_ITEMS)
                .map(i -> new Choice(
                        ChoiceIds.of(new LineRequest(i.id(), 1, List.of(), null), null, null),
                        i.name().length() > 20 ? i.name().substring(0, 20) : i.name()))
                .toList();
    }
}
