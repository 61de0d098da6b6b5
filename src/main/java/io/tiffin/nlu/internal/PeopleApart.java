package io.tiffin.nlu.internal;

import io.tiffin.nlu.internal.Mention.Filler;
import io.tiffin.nlu.internal.Mention.ItemMention;
import io.tiffin.nlu.internal.Mention.OptionMention;
import io.tiffin.nlu.internal.Mention.QualifierWord;
import io.tiffin.nlu.internal.Mention.Separator;
import java.util.List;
import java.util.Set;

/**
 * "a pepperoni for me and a thin crust for my husband": a part closed by the person it is for, a
 * list word, then an article before picks closed by another person: one dish each, though the
 * menu lets one dish take both picks ("a pie with mushrooms and a thin crust" stays one). The
 * words that name a person's part are {@code person-before.txt} ("for").
 */
final class PeopleApart {

    private static final Set<String> FOR =
            Set.copyOf(Lexicon.lines(PeopleApart.class.getClassLoader(), "person-before.txt"));

    private PeopleApart() {}

    static boolean opensAnother(String[] tokens, List<Mention> mentions, int k, Set<String> listJoins) {
        if (k < 2 || !(mentions.get(k - 1) instanceof Separator sep) || !listJoins.contains(tokens[sep.start()])) {
            return false;
        }
        int back = k - 2;
        boolean personBefore = false;
        while (back >= 0 && (mentions.get(back) instanceof Filler || mentions.get(back) instanceof Separator)) {
            personBefore |= mentions.get(back) instanceof Filler
                    && FOR.contains(tokens[mentions.get(back).start()]);
            back--;
        }
        if (!personBefore
                || back < 0
                || !(mentions.get(back) instanceof OptionMention || mentions.get(back) instanceof ItemMention)) {
            return false;
        }
        boolean picks = false;
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof OptionMention || m instanceof QualifierWord) {
                picks |= m instanceof OptionMention;
                continue;
            }
            return picks && m instanceof Filler f && FOR.contains(tokens[f.start()]);
        }
        return false;
    }
}
