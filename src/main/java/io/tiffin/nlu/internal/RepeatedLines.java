package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.internal.Mention.ItemMention;
import io.tiffin.nlu.internal.Mention.Quantity;
import io.tiffin.nlu.internal.Mention.Unknown;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Options shared across lines for {@link OrderAssembler}: "same thing but steak" copies the line before
 * and replaces what is said again, and options said alone after a line order another of it with the
 * main pick kept. Kept apart because these are the only rules that read one line's options into another.
 */
final class RepeatedLines {

    /**
     * Whether an unknown run opens with "same" / "same thing" ({@code same-again.txt}) that is not
     * about one group ("the same size", "same toppings" order nothing more).
     */
    static boolean saysSameAgain(MentionScanner.Scan scan, Unknown u, MenuIndex index, Set<String> sameAgain) {
        String[] tokens = scan.tokens();
        int said = 0;
        for (int end = u.start() + 1; end <= u.end(); end++) {
            if (sameAgain.contains(LineResolution.span(scan, u.start(), end))) {
                said = end - u.start();
            }
        }
        if (said == 0) {
            return false;
        }
        int next = u.start() + said;
        if (next >= tokens.length) {
            return true;
        }
        String word = TextNormalizer.singular(tokens[next]);
        return index.itemsById.values().stream()
                .flatMap(item -> item.optionGroups().stream())
                .noneMatch(
                        g -> g.name().toLowerCase(Locale.ROOT).split("[ _]+")[0].equals(word));
    }

    /** The word after "same" in an unknown run ("same toppings" → "topping"), or null. */
    static String sameGroupNamed(MentionScanner.Scan scan, Unknown u, Set<String> sameAgain) {
        String[] tokens = scan.tokens();
        if (!sameAgain.contains(tokens[u.start()]) || u.start() + 1 >= tokens.length) {
            return null;
        }
        return TextNormalizer.singular(tokens[u.start() + 1]);
    }

    /** Whether an option said is a pick of a group whose name starts with {@code word}. */
    static boolean inGroupNamed(MenuIndex index, Said said, String word) {
        return said.options().stream().anyMatch(r -> {
            Menu.Item item = index.itemsById.get(r.itemId());
            return item != null
                    && item.group(r.groupId())
                            .map(g -> g.name()
                                    .toLowerCase(Locale.ROOT)
                                    .split("[ _]+")[0]
                                    .equals(word))
                            .orElse(false);
        });
    }

    /**
     * "same thing but steak": a bare pick in a copied line replaces the copied picks of its group
     * when the group takes one, is the item's first (what the dish is) or names a kind and no amount
     * ("same but thin crust") or {@code instead} is said after it, and the same option said
     * again ("same but no beans" is handled as a refusal) replaces its copy.
     */
    static void replaceCopied(MenuIndex index, Draft line, Said said, boolean instead) {
        Menu.Item item = index.itemsById.get(line.item.itemIds().getFirst());
        for (MenuIndex.OptionRef ref : said.options()) {
            if (!ref.itemId().equals(item.id())) {
                continue;
            }
            boolean first = !item.optionGroups().isEmpty()
                    && item.optionGroups().getFirst().id().equals(ref.groupId());
            // ... or a kind the dish is, not an amount on it: "same but thin crust" after a deep
            // dish (a group that can be refused but never had extra or light)
            boolean kind = item.group(ref.groupId())
                    .map(g -> g.qualifiers().stream().allMatch(q -> q.equalsIgnoreCase(Qualifier.NO.name())))
                    .orElse(false);
            boolean replaces = first || OptionGroups.takesOne(index, ref) || kind || instead;
            line.options.removeIf(copied -> copied.start() < line.copiedAt
                    && copied.options().stream()
                            .anyMatch(r -> r.itemId().equals(ref.itemId())
                                    && r.groupId().equals(ref.groupId())
                                    && (replaces || r.optionId().equals(ref.optionId()))));
        }
    }

    private static final Set<String> INSTEAD =
            Set.copyOf(Lexicon.lines(RepeatedLines.class.getClassLoader(), "instead.txt"));

    /**
     * "the same again with olives instead", "... with olives and peppers instead": a word of {@code
     * instead.txt} closes the run of picks the option is in, so the picks replace the copied ones of
     * their group even where the group takes several (toppings).
     */
    static boolean saidInstead(MentionScanner.Scan scan, Said said, Set<String> listJoins) {
        String[] tokens = scan.tokens();
        int k = said.end();
        while (k < tokens.length && (scan.canonical()[k] != null || listJoins.contains(tokens[k]))) {
            k++;
        }
        for (int end = k + 1; end <= Math.min(tokens.length, k + 3); end++) {
            if (INSTEAD.contains(String.join(" ", java.util.Arrays.copyOfRange(tokens, k, end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "2 large hot chocolates & 1 small", "two medium pizzas and a large": a counted line of one
     * one-pick choice only, in place of another choice the line before made in that group, is another
     * of that line's item with its one-pick choices of wider groups (the drink it was, not its can),
     * not a line of any item that offers the choice ("a medium lemonade, a pink lemonade" chooses
     * nothing in place).
     */
    static Draft anotherOfLineBefore(
            Draft made, Draft before, Quantity quantity, MentionScanner.Scan scan, MenuIndex index) {
        if (before.item == null
                || before.item.itemIds().size() != 1
                || made.item == null
                || !made.named.isEmpty()
                || made.options.size() != 1
                || !made.item.itemIds().contains(before.item.itemIds().getFirst())) {
            return made;
        }
        Said bare = made.options.getFirst();
        var whole = index.options.longest(scan.canonical(), bare.start());
        boolean contrasts = bare.qualifier() == null
                && whole != null
                && whole.length() == bare.end() - bare.start()
                && OptionGroups.takesOneOnly(index, bare.options())
                && before.options.stream()
                        .anyMatch(b -> OptionGroups.sameGroup(b.options(), bare.options())
                                && b.options().stream().noneMatch(bare.options()::contains));
        if (!contrasts) {
            return made;
        }
        var item = new ItemMention(
                made.item.start(),
                made.item.end(),
                List.of(before.item.itemIds().getFirst()),
                true,
                false);
        Draft another = new Draft(item, null, quantity);
        another.options.addAll(made.options);
        for (Said b : before.options) {
            boolean chosenAgain = made.options.stream().anyMatch(s -> OptionGroups.sameGroup(b.options(), s.options()));
            // the main choice is kept (the drink it was), not a small closed set beside it (its can)
            boolean wider = OptionGroups.groupSize(index, b.options()) > OptionGroups.groupSize(index, bare.options());
            if (!chosenAgain && wider && b.qualifier() == null && OptionGroups.takesOneOnly(index, b.options())) {
                another.options.add(b);
            }
        }
        return another;
    }

    /**
     * "a latte with vanilla and one with caramel", "one hamburger with the lot and one for my
     * daughter with ketchup only": a counted line of the same item with only options of several
     * picks, no dish named, is another of the line before: it keeps that line's pick in the item's
     * widest one-pick group (the drink, the burger), never a size or anything qualified.
     */
    static void keepsMainPickOfLineBefore(Draft made, Draft before, MenuIndex index) {
        if (before.item == null
                || before.item.itemIds().size() != 1
                || made.item == null
                || !made.named.isEmpty()
                || made.options.isEmpty()
                || !made.item.itemIds().equals(before.item.itemIds())
                || made.options.stream().anyMatch(s -> OptionGroups.takesOneOnly(index, s.options()))) {
            return;
        }
        before.options.stream()
                .filter(b -> b.qualifier() == null && OptionGroups.takesOneOnly(index, b.options()))
                .max(java.util.Comparator.comparingInt(b -> OptionGroups.groupSize(index, b.options())))
                .filter(b -> made.options.stream().noneMatch(s -> OptionGroups.sameGroup(b.options(), s.options())))
                .ifPresent(made.options::add);
    }
}
