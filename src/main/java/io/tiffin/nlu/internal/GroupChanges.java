package io.tiffin.nlu.internal;

import io.tiffin.nlu.internal.MenuIndex.OptionRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A change that names an option group of the dish said before it, in the same message: "a turkey
 * sub on white with swiss, make the bread wheat and the cheese provolone", "a latte with whole milk,
 * make the milk oat". The group is named by the menu's own group name ("bread", "milk") or by an
 * option that stands for a choice in it ("cheese" where the menu's "cheese" is any of its cheeses);
 * the pick said before is replaced by the new one, so it is not a second pick of the group. A part
 * whose group and pick are both words the menu does not know ("make the bread rye" where no bread is
 * sold) says nothing that can be ordered and is left out. Runs before {@link MadeOver}, which reads
 * a change to a dish named again ("make the latte iced").
 */
final class GroupChanges {

    private GroupChanges() {}

    /** Words of the part that replace the words said before at {@code from..to}; none drops the part. */
    private record Change(int from, int to, List<String> words) {}

    /** Where a change that replaces nothing said before goes: in the place of the clause. */
    private static final int APPENDED = -2;

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int start = 1; start < tokens.length; start++) {
            var opener = lexicon.makeThe.longest(tokens, start);
            if (opener == null) {
                continue;
            }
            Set<String> dishes = dishesBefore(canonical, start, index);
            List<Change> changes = new ArrayList<>();
            int i = start + opener.length();
            int end = i;
            boolean read = true;
            while (read && i + 1 < tokens.length) {
                int to = i + 1;
                while (to < tokens.length && !lexicon.listJoins.contains(tokens[to]) && !tokens[to].equals(",")) {
                    to++;
                }
                Change change = change(tokens, canonical, start, i, to, dishes, index);
                if (change == null) {
                    read = false;
                    break;
                }
                changes.add(change);
                end = to;
                // "... and the cheese provolone": another part after a list word and "the"
                if (to + 2 < tokens.length && lexicon.listJoins.contains(tokens[to]) && tokens[to + 1].equals("the")) {
                    i = to + 2;
                } else {
                    break;
                }
            }
            if (!read || changes.isEmpty() || changes.stream().allMatch(c -> c.from() == -1)) {
                continue;
            }
            return rewritten(lexicon, tokens, start, end, changes);
        }
        return tokens;
    }

    /** The items said before the change, by name or by an option of theirs. */
    private static Set<String> dishesBefore(String[] canonical, int before, MenuIndex index) {
        Set<String> dishes = new HashSet<>();
        for (int k = 0; k < before; k++) {
            var item = index.items.longest(canonical, k);
            if (item != null) {
                dishes.addAll(item.value());
            }
            var option = index.options.longest(canonical, k);
            if (option != null) {
                option.value().forEach(o -> dishes.add(o.itemId()));
            }
        }
        return dishes;
    }

    /** The change the part at {@code at} (the group's word, then the pick, up to {@code to}) makes; null if it is not one. */
    private static Change change(
            String[] tokens, String[] canonical, int before, int at, int to, Set<String> dishes, MenuIndex index) {
        List<OptionRef> named = index.options.longest(canonical, at) != null
                        && index.options.longest(canonical, at).length() == 1
                ? index.options.longest(canonical, at).value()
                : List.of();
        Set<String> groups = groupsNamed(tokens[at], dishes, index);
        List<OptionRef> pick = pick(tokens, canonical, at, to, index);
        if (groups.isEmpty() && named.isEmpty()) {
            boolean unknown = canonical[at] == null && !index.isMenuWord(tokens[at]);
            for (int k = at + 1; k < to; k++) {
                unknown &= canonical[k] == null && !index.isMenuWord(tokens[k]);
            }
            // "make the bread rye" where the menu sells no bread: nothing to order, nothing to change
            return unknown && pick.isEmpty() ? new Change(-1, -1, List.of()) : null;
        }
        // the pick is one of the named group's ("make the latte iced" changes a dish, not a group)
        boolean ofTheGroup = groups.isEmpty()
                ? pick.stream()
                        .anyMatch(p -> named.stream()
                                .anyMatch(n -> n.itemId().equals(p.itemId())
                                        && n.groupId().equals(p.groupId())))
                : pick.stream().anyMatch(p -> groups.contains(p.itemId() + "/" + p.groupId()));
        if (!ofTheGroup) {
            return null;
        }
        // the pick said before: of the named group, or the named option itself ("cheese")
        for (int k = before - 1; k >= 0; k--) {
            var said = index.options.longest(canonical, k);
            if (said == null || k + said.length() > before) {
                continue;
            }
            boolean same = groups.isEmpty()
                    ? said.value().stream().anyMatch(named::contains)
                    : said.value().stream()
                            .anyMatch(o -> groups.contains(o.itemId() + "/" + o.groupId())
                                    && pick.stream().anyMatch(p -> p.groupId().equals(o.groupId())));
            if (same) {
                return new Change(k, k + said.length(), List.of(tokens).subList(at + 1, to));
            }
        }
        // nothing of the group said before: the pick is added to the dish, where the change was said
        List<String> added = new ArrayList<>(List.of("with"));
        added.addAll(List.of(tokens).subList(at + 1, to));
        return new Change(APPENDED, APPENDED, added);
    }

    /** The groups of the dishes said whose menu name is this word ("bread", "milk"), as item/group. */
    private static Set<String> groupsNamed(String word, Set<String> dishes, MenuIndex index) {
        Set<String> groups = new HashSet<>();
        String singular = TextNormalizer.singular(word);
        for (String itemId : dishes) {
            var item = index.itemsById.get(itemId);
            if (item == null) {
                continue;
            }
            for (var group : item.optionGroups()) {
                String name = group.name() == null ? "" : group.name().toLowerCase(java.util.Locale.ROOT);
                if (name.equals(word) || name.equals(singular)) {
                    groups.add(itemId + "/" + group.id());
                }
            }
        }
        return groups;
    }

    /** The options the words {@code from..to} name: a whole name, or the first word of only one. */
    private static List<OptionRef> pick(String[] tokens, String[] canonical, int at, int to, MenuIndex index) {
        int from = at + 1;
        if (from >= to) {
            return List.of();
        }
        var option = index.options.longest(canonical, from);
        if (option != null && from + option.length() == to) {
            return option.value();
        }
        if (to - from == 1 && canonical[from] != null) {
            var first = index.onlyOptionStartingWith(canonical[from]);
            return first == null ? List.of() : first;
        }
        return List.of();
    }

    private static String[] rewritten(Lexicon lexicon, String[] tokens, int start, int end, List<Change> changes) {
        int cut = start;
        while (cut > 0 && (lexicon.listJoins.contains(tokens[cut - 1]) || tokens[cut - 1].equals(","))) {
            cut--;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < cut; k++) {
            final int at = k;
            Change change =
                    changes.stream().filter(c -> c.from() == at).findFirst().orElse(null);
            if (change != null) {
                out.addAll(change.words());
                k = change.to() - 1;
            } else {
                out.add(tokens[k]);
            }
        }
        changes.stream().filter(c -> c.from() == APPENDED).forEach(c -> out.addAll(c.words()));
        if (end < tokens.length && cut < start) {
            out.addAll(List.of(tokens).subList(cut, start));
        }
        out.addAll(List.of(tokens).subList(end, tokens.length));
        return out.toArray(String[]::new);
    }
}
