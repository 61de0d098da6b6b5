package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.internal.Mention.OptionMention;
import io.tiffin.nlu.internal.Mention.QualifierWord;

/**
 * A degree word ("light", "extra") before a drink's option is said of the option that follows, as
 * the menu's own option names decide: "light ice" is a little ice, not a light roast and then ice;
 * "extra hot" where the menu has no "hot" is a note, not part of "hot chocolate". A name that starts
 * with the degree word ("extra large", "light roast", the menu's "extra hot") is read whole before
 * this is asked.
 */
final class DegreeWords {

    private DegreeWords() {}

    /**
     * Whether a degree word that is also a one-word option ("light", a roast) comes right before an
     * option of another group ("ice"): then it is the degree of that option.
     */
    static boolean beforeOtherOption(
            OptionMention asOption, QualifierWord degree, String[] canonical, int at, MenuIndex index) {
        if (degree.qualifier() == Qualifier.NO || at >= canonical.length) {
            return false;
        }
        var next = index.options.longest(canonical, at);
        if (next == null || index.items.longest(canonical, at) != null) {
            return false;
        }
        return next.value().stream()
                .noneMatch(o -> asOption.options().stream()
                        .anyMatch(r ->
                                r.itemId().equals(o.itemId()) && r.groupId().equals(o.groupId())));
    }

    /**
     * Whether a degree word is followed by a menu word that starts no name from there and is part of
     * a dish's name or of a one-pick option's ("hot" of "hot chocolate"), with no option after it:
     * the two words are a note for the line, not a second drink.
     */
    static boolean beforePartOfAName(
            Mention word, String[] tokens, String[] canonical, MenuIndex index, Lexicon lexicon) {
        if (!(word instanceof QualifierWord degree) || degree.qualifier() == Qualifier.NO) {
            return false;
        }
        int at = degree.end();
        if (at >= canonical.length
                || canonical[at] == null
                || index.items.longest(canonical, at) != null
                || index.options.longest(canonical, at) != null
                || at + 1 < canonical.length
                        && index.options.longest(canonical, at + 1) != null
                        && lexicon.numbers.longest(tokens, at + 1) == null) {
            // "extra caramel drizzles": the degree is the option's after the word ("two shots" has its own count)
            return false;
        }
        // a word of a dish's name, or of a one-pick option (a drink type) that would start a line
        var opening = index.onlyOptionStartingWith(canonical[at]);
        return index.itemsByWord.containsKey(canonical[at])
                || opening != null && opening.stream().allMatch(index::onePick);
    }
}
