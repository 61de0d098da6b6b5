package io.tiffin.nlu.eval;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.eval.EvalMenu.ItemForm;
import io.tiffin.nlu.eval.EvalMenu.OptionForm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A FoodOrdering venue ({@code schema.json} and {@code alias/}) as a menu: each intent is an item
 * named by its entity names, each of its slots an option group whose options are the slot's alias
 * entities; {@code qualified} slots take extra/light and {@code negatable} ones "no". Knows the
 * schema format only, nothing about any venue.
 */
final class FoodOrderingSchema {

    /** Slots that are words about options, not options: the parser's lexicons read them. */
    static final Set<String> GRAMMAR_SLOTS = Set.of("NUMBER", "QUANTITY", "NOT");

    final EvalMenu menu = new EvalMenu("COMPLEX", "extra", "light");
    /** Per intent, per slot: the catalog that resolves gold surface phrases. */
    final Map<String, Map<String, AliasFile>> catalogs = new HashMap<>();

    static FoodOrderingSchema read(Path venue, ObjectMapper json) throws IOException {
        FoodOrderingSchema schema = new FoodOrderingSchema();
        JsonNode root = json.readTree(venue.resolve("schema.json").toFile());
        Map<String, AliasFile> files = new HashMap<>();
        List<Menu.Item> items = new ArrayList<>();
        for (JsonNode intent : root.path("intents")) {
            String name = intent.path("name").asString();
            String itemId = EvalMenu.id(name);
            List<String> names = new ArrayList<>();
            intent.path("entityNames").forEach(n -> names.add(n.asString().toLowerCase(Locale.ROOT)));
            if (names.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT).replace("_order", "").replace('_', ' '));
            }
            Map<String, AliasFile> slots = new HashMap<>();
            List<Menu.OptionGroup> groups = new ArrayList<>();
            for (JsonNode slot : intent.path("slots")) {
                String slotName = slot.path("slotName").asString();
                String path = slot.path("path").asString();
                AliasFile catalog = files.get(path);
                if (catalog == null && venue.resolve(path).toFile().isFile()) {
                    catalog = AliasFile.read(venue.resolve(path));
                    files.put(path, catalog);
                }
                if (catalog == null) {
                    continue;
                }
                slots.put(slotName, catalog);
                if (GRAMMAR_SLOTS.contains(slotName)) {
                    continue;
                }
                List<String> qualifiers = new ArrayList<>();
                if (slot.path("qualified").asBoolean(false)) {
                    qualifiers.addAll(List.of("extra", "light"));
                }
                if (slot.path("negatable").asBoolean(false)) {
                    qualifiers.add("no");
                }
                String groupId = EvalMenu.id(slotName);
                List<Menu.Option> options = new ArrayList<>();
                for (var entity : catalog.phrasesByEntity().entrySet()) {
                    Menu.Option option = EvalMenu.option(entity.getKey(), entity.getValue());
                    options.add(option);
                    schema.menu.describeOption(
                            groupId, option.id(), new OptionForm(slotName, List.of(entity.getKey())));
                }
                // a slot that takes neither a quantity nor a negation is one pick (a size, a drink type)
                int max = qualifiers.isEmpty() ? 1 : options.size();
                groups.add(
                        new Menu.OptionGroup(groupId, slotName.toLowerCase(Locale.ROOT), 0, max, qualifiers, options));
            }
            schema.catalogs.put(name, slots);
            List<String> itemNames = namesWithoutOptions(names, groups);
            items.add(new Menu.Item(
                    itemId, itemNames.getFirst(), EvalMenu.aliases(itemNames), null, 1000L, List.of(), null, groups));
            schema.menu.describeItem(itemId, new ItemForm(name, null));
        }
        schema.menu.addCategory("Menu", items);
        return schema;
    }

    /**
     * An entity name that ends in one of the item's own options ("side of chips") names the item and
     * that option: the option's words stay the option's, the rest names the item ("side of").
     */
    private static List<String> namesWithoutOptions(List<String> names, List<Menu.OptionGroup> groups) {
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            String stripped = name;
            for (Menu.OptionGroup group : groups) {
                for (Menu.Option option : group.options()) {
                    for (String phrase : java.util.stream.Stream.concat(
                                    java.util.stream.Stream.of(option.name()), option.aliases().stream())
                            .toList()) {
                        String plain = singular(stripped);
                        String ending = " " + singular(phrase);
                        if (plain.endsWith(ending) && plain.length() > ending.length()) {
                            stripped = plain.substring(0, plain.length() - ending.length())
                                    .strip();
                        }
                    }
                }
            }
            if (!kept.contains(stripped)) {
                kept.add(stripped);
            }
        }
        return kept;
    }

    /** Word by word without a plural s, to compare names: "side of chip" ends in "chips". */
    private static String singular(String phrase) {
        return java.util.Arrays.stream(phrase.split("\\s+"))
                .map(w -> w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * A TOP-Alias tree (surface words as leaves) resolved to entities through the venue's catalogs,
     * the way the dataset's post-entity-resolution metric does; an unknown phrase stays visibly
     * unknown. A missing NUMBER is 1, as in EXR.
     */
    Tree resolve(List<Tree> intents) {
        List<Tree> orders = new ArrayList<>();
        for (Tree intent : intents) {
            Map<String, AliasFile> slots = catalogs.getOrDefault(intent.label(), Map.of());
            List<Tree> children = new ArrayList<>();
            boolean counted = false;
            for (Tree child : intent.children()) {
                if (child.isLeaf()) {
                    continue; // filler words, were there any
                }
                counted |= child.label().equals("NUMBER");
                children.add(resolveSlot(child, slots));
            }
            if (!counted) {
                children.add(Tree.node("NUMBER", Tree.leaf("1")));
            }
            orders.add(Tree.node(intent.label(), children));
        }
        return Tree.node("ORDER", orders);
    }

    private Tree resolveSlot(Tree slot, Map<String, AliasFile> slots) {
        boolean composite = slot.children().stream().anyMatch(c -> !c.isLeaf());
        if (composite) {
            return Tree.node(
                    slot.label(),
                    slot.children().stream()
                            .filter(c -> !c.isLeaf())
                            .map(c -> resolveSlot(c, slots))
                            .toList());
        }
        String phrase =
                String.join(" ", slot.children().stream().map(Tree::label).toList());
        AliasFile catalog = slots.get(slot.label());
        String entity = catalog == null ? null : catalog.resolve(phrase);
        if (entity == null && slot.label().equals("NUMBER") && phrase.matches("\\d+")) {
            entity = phrase;
        }
        return Tree.node(
                slot.label(),
                entity == null ? Tree.leaf("<UNKNOWN:" + phrase.replace(' ', '_') + ">") : Tree.entity(entity));
    }
}
