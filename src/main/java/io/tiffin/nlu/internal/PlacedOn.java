package io.tiffin.nlu.internal;

import io.tiffin.nlu.internal.Mention.ItemMention;
import io.tiffin.nlu.internal.Mention.Quantity;
import java.util.List;
import java.util.Set;

/**
 * "pepperoni on a stuffed crust pizza", "no onions on my large pie": options said first and then
 * put "on" an item belong to that item, and the "a" after "on" counts that item rather than
 * starting a line of its own; a refusal before "on" refuses only what was said before it.
 */
final class PlacedOn {

    private static final Set<String> WORDS =
            Set.copyOf(Lexicon.lines(PlacedOn.class.getClassLoader(), "placed-on.txt"));

    private PlacedOn() {}

    /** Whether the word at {@code at} puts what was said before on what follows. */
    static boolean isPlacing(String[] tokens, int at) {
        return at >= 0 && at < tokens.length && WORDS.contains(tokens[at]);
    }

    /**
     * Whether the count at {@code k} ("a") comes right after a placing word and before the item the
     * waiting options are put on.
     */
    static boolean countsTheItemPlacedOn(String[] tokens, List<Mention> mentions, int k, boolean optionsWait) {
        if (!optionsWait || !(mentions.get(k) instanceof Quantity q) || !isPlacing(tokens, q.start() - 1)) {
            return false;
        }
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof ItemMention) {
                return true;
            }
            if (m instanceof Quantity || m instanceof Mention.Separator) {
                return false;
            }
        }
        return false;
    }

    /** "the works on a large pizza": a placing word at {@code at} and a word of the menu after it. */
    static boolean onADish(String[] tokens, int at, MenuIndex index) {
        if (!isPlacing(tokens, at)) {
            return false;
        }
        for (int k = at + 1; k < tokens.length; k++) {
            if (index.canonical(tokens[k]) != null) {
                return true;
            }
        }
        return false;
    }
}
