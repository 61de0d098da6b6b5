package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A level said before a word that is itself another level of the same one-choice group: "medium
 * spicy", where the menu says "less spicy" of another pick. The second word names the scale the first is a point on (the menu gives
 * "spicy" to the hot pick only because it is the spiciest), so it goes and the first is the pick.
 */
final class LevelThenScale {

    private static final TextNormalizer NORMALIZER = new TextNormalizer(java.util.Map.of());

    private LevelThenScale() {}

    static String[] read(String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            String[] canonical = {index.canonical(tokens[i]), index.canonical(tokens[i + 1])};
            if (canonical[0] == null || canonical[1] == null) {
                continue;
            }
            var level = index.options.longest(canonical, 0);
            var scale = index.options.longest(canonical, 1);
            if (level != null
                    && level.length() == 1
                    && scale != null
                    && scale.length() == 1
                    && sameGroupOtherPick(level.value(), scale.value(), canonical[1], index)) {
                List<String> kept = new ArrayList<>(Arrays.asList(tokens));
                kept.remove(i + 1);
                return read(kept.toArray(String[]::new), index);
            }
        }
        return tokens;
    }

    /** Whether every pick of the second word is another pick of a one-choice group the first is in. */
    private static boolean sameGroupOtherPick(
            List<MenuIndex.OptionRef> level, List<MenuIndex.OptionRef> scale, String word, MenuIndex index) {
        Set<String> groups = new HashSet<>();
        Set<String> picks = new HashSet<>();
        for (MenuIndex.OptionRef ref : level) {
            if (!index.onePick(ref)) {
                return false;
            }
            groups.add(ref.itemId() + "/" + ref.groupId());
            picks.add(ref.itemId() + "/" + ref.groupId() + "/" + ref.optionId());
        }
        for (MenuIndex.OptionRef ref : scale) {
            if (!groups.contains(ref.itemId() + "/" + ref.groupId())
                    || picks.contains(ref.itemId() + "/" + ref.groupId() + "/" + ref.optionId())
                    || !isScale(group(index.itemsById.get(ref.itemId()), ref.groupId()), word)) {
                return false;
            }
        }
        return !scale.isEmpty();
    }

    private static Menu.OptionGroup group(Menu.Item item, String groupId) {
        return item == null
                ? null
                : item.optionGroups().stream()
                        .filter(g -> g.id().equals(groupId))
                        .findFirst()
                        .orElse(null);
    }

    /**
     * Whether the menu itself says this word as the scale of the group: it is part of a longer name
     * of another pick ("spicy" of "less spicy" on Mild, where Hot is also called "spicy").
     */
    static boolean isScale(Menu.OptionGroup group, String word) {
        if (group == null) {
            return false;
        }
        for (Menu.Option option : group.options()) {
            boolean namedAlone = false;
            boolean inLonger = false;
            List<String> names = new ArrayList<>(option.aliases());
            names.add(option.name());
            for (String name : names) {
                List<String> words = Arrays.asList(NORMALIZER.tokens(name));
                namedAlone |= words.size() == 1 && words.get(0).equals(word);
                inLonger |= words.size() > 1 && words.contains(word);
            }
            if (inLonger && !namedAlone) {
                return true;
            }
        }
        return false;
    }
}
