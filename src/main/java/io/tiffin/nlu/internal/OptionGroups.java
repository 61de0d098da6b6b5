package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.internal.Mention.OptionMention;
import java.util.List;
import java.util.Locale;

/**
 * Questions about the option groups an option said can be a pick of, for {@link OrderAssembler}: whether
 * two options pick in one group, whether a group takes one pick only, whether a second pick in such a
 * group starts another line ("small ... and a large"). Kept apart because every attaching stage asks them.
 */
final class OptionGroups {

    static boolean choosesAgainAny(MenuIndex index, List<Said> picks, List<Said> said) {
        return said.stream().anyMatch(s -> choosesAgain(index, picks, s));
    }

    /**
     * An option followed by the name of its group ("medium size", "dark roast" where the word is
     * also another group's pick): only the picks of that group.
     */
    static List<MenuIndex.OptionRef> ofNamedGroup(MentionScanner.Scan scan, MenuIndex index, OptionMention o) {
        if (o.end() >= scan.tokens().length || o.options().size() < 2) {
            return o.options();
        }
        String next = TextNormalizer.singular(scan.tokens()[o.end()]);
        List<MenuIndex.OptionRef> named = o.options().stream()
                .filter(r -> {
                    Menu.Item item = index.itemsById.get(r.itemId());
                    String group = item == null
                            ? ""
                            : item.group(r.groupId())
                                    .map(Menu.OptionGroup::name)
                                    .orElse("");
                    String[] words = group.toLowerCase(Locale.ROOT).split("[ _]+");
                    return words.length > 0 && words[0].equals(next);
                })
                .toList();
        return named.isEmpty() ? o.options() : named;
    }

    /**
     * Whether the word after an option is a word of its group's name ("brown bread" where the menu has
     * a Bread choice with a Brown option, "medium size"): it names the choice, it is no note.
     */
    static boolean namesItsGroup(MentionScanner.Scan scan, MenuIndex index, OptionMention o) {
        if (o.end() >= scan.tokens().length) {
            return false;
        }
        String next = TextNormalizer.singular(scan.tokens()[o.end()]);
        return o.options().stream().anyMatch(r -> {
            Menu.Item item = index.itemsById.get(r.itemId());
            String group = item == null
                    ? ""
                    : item.group(r.groupId()).map(Menu.OptionGroup::name).orElse("");
            return java.util.Arrays.stream(group.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .map(TextNormalizer::singular)
                    .anyMatch(w -> w.length() > 2 && w.equals(next));
        });
    }

    /** Whether two option mentions can be picks of one group of one item ("onions", "peppers"). */
    static boolean sameGroup(List<MenuIndex.OptionRef> a, List<MenuIndex.OptionRef> b) {
        for (MenuIndex.OptionRef x : a) {
            for (MenuIndex.OptionRef y : b) {
                if (x.itemId().equals(y.itemId()) && x.groupId().equals(y.groupId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many options the group of these picks offers (the largest such group). */
    static int groupSize(MenuIndex index, List<MenuIndex.OptionRef> refs) {
        int size = 0;
        for (MenuIndex.OptionRef ref : refs) {
            Menu.Item item = index.itemsById.get(ref.itemId());
            if (item != null) {
                for (Menu.OptionGroup group : item.optionGroups()) {
                    if (group.id().equals(ref.groupId())) {
                        size = Math.max(size, group.options().size());
                    }
                }
            }
        }
        return size;
    }

    static boolean takesOneOnly(MenuIndex index, List<MenuIndex.OptionRef> refs) {
        return refs.stream().allMatch(r -> takesOne(index, r));
    }

    /** "three cans of ice tea and a iced tea": the same single pick said again is another line. */
    static boolean repeatsOnePick(MenuIndex index, List<Said> picks, OptionMention o) {
        for (Said earlier : picks) {
            for (MenuIndex.OptionRef a : earlier.options()) {
                for (MenuIndex.OptionRef b : o.options()) {
                    // "a medium roast coffee, medium size": a word that also picks in another group of the
                    // item (the size) is no second pick of the name it shares a word with
                    if (a.equals(b) && takesOne(index, a) && !otherGroupOfItem(o.options(), b)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether an option is a second pick in a group that takes one ("large" after "small"). */
    static boolean choosesAgain(MenuIndex index, List<Said> said, Said next) {
        for (Said earlier : said) {
            for (MenuIndex.OptionRef a : earlier.options()) {
                for (MenuIndex.OptionRef b : next.options()) {
                    if (a.itemId().equals(b.itemId())
                            && a.groupId().equals(b.groupId())
                            && !a.optionId().equals(b.optionId())
                            && takesOne(index, a)
                            && !otherGroupOfItem(earlier.options(), a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a word could also be a pick of another group of the same item ("medium" is a size or
     * a roast): such a word has not yet chosen in either, so another pick there is no second line.
     */
    static boolean otherGroupOfItem(List<MenuIndex.OptionRef> refs, MenuIndex.OptionRef ref) {
        return refs.stream()
                .anyMatch(r -> r.itemId().equals(ref.itemId()) && !r.groupId().equals(ref.groupId()));
    }

    static boolean takesOne(MenuIndex index, MenuIndex.OptionRef ref) {
        Menu.Item item = index.itemsById.get(ref.itemId());
        return item != null
                && item.group(ref.groupId())
                        .map(g -> g.max() != null && g.max() == 1)
                        .orElse(false);
    }
}
