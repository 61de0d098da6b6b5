package io.tiffin.nlu.eval;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Line;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's vocabulary as a menu in our own format, plus the way back: which dataset intent an
 * item is and which slot and value each option is, so a parse can be written as the dataset's tree.
 */
final class EvalMenu {

    /** An item as the dataset writes it: its intent label, and a slot the item itself fills (a drink type). */
    record ItemForm(String intent, Tree ownSlot) {}

    /** An option as the dataset writes it: {@code (SLOT value...)}. */
    record OptionForm(String slot, List<String> leaves) {
        Tree tree() {
            return Tree.node(slot, leaves.stream().map(Tree::entity).toList());
        }
    }

    private final List<Menu.Category> categories = new ArrayList<>();
    private final Map<String, ItemForm> items = new HashMap<>();
    private final Map<String, OptionForm> options = new HashMap<>();
    private final String complexLabel;
    private final String extraWord;
    private final String lightWord;
    private MenuSnapshot snapshot;

    /**
     * @param complexLabel how the dataset writes a quantified option ({@code COMPLEX_TOPPING}, {@code COMPLEX})
     */
    EvalMenu(String complexLabel, String extraWord, String lightWord) {
        this.complexLabel = complexLabel;
        this.extraWord = extraWord;
        this.lightWord = lightWord;
    }

    void addCategory(String name, List<Menu.Item> categoryItems) {
        categories.add(new Menu.Category(name, categoryItems));
    }

    void describeItem(String itemId, ItemForm form) {
        items.put(itemId, form);
    }

    void describeOption(String groupId, String optionId, OptionForm form) {
        options.put(groupId + "/" + optionId, form);
    }

    MenuSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = new MenuSnapshot("nlu-eval", 1, Instant.EPOCH, new Menu("USD", categories));
        }
        return snapshot;
    }

    /** The parse in the dataset's EXR form: {@code (ORDER (INTENT (NUMBER n ) slots... ) ... )}. */
    Tree toTree(ParseResult result) {
        List<Tree> orders = new ArrayList<>();
        for (Line line : result.lines()) {
            ItemForm item = items.get(line.itemId());
            List<Tree> slots = new ArrayList<>();
            slots.add(Tree.node("NUMBER", Tree.leaf(String.valueOf(line.quantity()))));
            if (item.ownSlot() != null) {
                slots.add(item.ownSlot());
            }
            for (ChosenOption chosen : line.options()) {
                Tree slot =
                        options.get(chosen.groupId() + "/" + chosen.optionId()).tree();
                slots.add(
                        chosen.qualifier() == null
                                ? slot
                                : switch (chosen.qualifier()) {
                                    case NO -> Tree.node("NOT", slot);
                                    case EXTRA ->
                                        Tree.node(complexLabel, Tree.node("QUANTITY", Tree.leaf(extraWord)), slot);
                                    case LIGHT ->
                                        Tree.node(complexLabel, Tree.node("QUANTITY", Tree.leaf(lightWord)), slot);
                                });
            }
            for (ChosenOption refused : line.declined()) {
                // "no extra cheese": (NOT (COMPLEX (QUANTITY EXTRA ) (TOPPING CHEESE ) ) )
                Tree slot = options.get(refused.groupId() + "/" + refused.optionId())
                        .tree();
                String amount = refused.qualifier() == ParseResult.Qualifier.LIGHT ? lightWord : extraWord;
                slots.add(Tree.node("NOT", Tree.node(complexLabel, Tree.node("QUANTITY", Tree.leaf(amount)), slot)));
            }
            orders.add(Tree.node(item.intent(), slots));
        }
        return Tree.node("ORDER", orders);
    }

    /** A menu id from a dataset entity: lower case, {@code [a-z0-9_-]} only. */
    static String id(String entity) {
        String id =
                entity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        return id.isEmpty() ? "x" : id;
    }

    static Menu.Option option(String entity, List<String> phrases) {
        return new Menu.Option(
                id(entity), phrases.getFirst(), 0L, List.copyOf(phrases.subList(1, phrases.size())), null, null);
    }

    static List<String> aliases(List<String> names) {
        return List.copyOf(names.subList(1, names.size()));
    }
}
