package io.tiffin.nlu.internal;

import io.tiffin.nlu.internal.Mention.ItemMention;
import io.tiffin.nlu.internal.Mention.OptionMention;
import io.tiffin.nlu.internal.Mention.Quantity;
import io.tiffin.nlu.internal.Mention.Separator;
import java.util.List;
import java.util.Set;

/**
 * A dish named by a pick alone, no dish word ("a thin crust with bacon", "a deep dish with
 * sausage"), followed by a list word and an article before another pick of the same group ("... and
 * a chicago style with spinach"): the article counts a second dish named the same way, even where
 * the menu lets one dish take both picks (a pizza's styles). Without the article ("a thin crust
 * with bacon and chicago style") or with a dish word before, the pick stays on the line.
 */
final class HeadPicks {

    private HeadPicks() {}

    static boolean opensAnother(
            String[] tokens, List<Mention> mentions, int k, Set<String> articles, Set<String> listJoins) {
        if (!articles.contains(tokens[mentions.get(k).start()])
                || k == 0
                || !(mentions.get(k - 1) instanceof Separator sep)
                || !listJoins.contains(tokens[sep.start()])
                || k + 1 >= mentions.size()
                || !(mentions.get(k + 1) instanceof OptionMention next)) {
            return false;
        }
        // the part before: back to its count, which must stand right before its head pick
        for (int back = k - 2; back >= 0; back--) {
            Mention m = mentions.get(back);
            if (m instanceof ItemMention) {
                return false;
            }
            if (m instanceof Quantity) {
                return back + 1 < k - 1
                        && mentions.get(back + 1) instanceof OptionMention head
                        && otherPickOfSameGroup(head, next);
            }
        }
        return false;
    }

    private static boolean otherPickOfSameGroup(OptionMention head, OptionMention next) {
        boolean sameGroup = false;
        for (MenuIndex.OptionRef a : head.options()) {
            for (MenuIndex.OptionRef b : next.options()) {
                if (a.equals(b)) {
                    return false; // "a pepperoni with ... and a pepperoni": left as it reads
                }
                sameGroup |= a.itemId().equals(b.itemId()) && a.groupId().equals(b.groupId());
            }
        }
        return sameGroup;
    }
}
