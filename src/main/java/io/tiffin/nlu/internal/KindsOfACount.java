package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * "2 lassi, one sweet and one mango", "2 naan, one butter and one garlic": a counted dish word,
 * then counted parts each naming a kind that makes another menu name with that word (a sweet
 * lassi, a mango lassi), is one line per kind. The dish word is said after each kind and the count
 * the parts share out is dropped; the parts' counts must add up to it, so "2 naan, one butter
 * chicken" (a part naming a dish of its own) and "2 naan and 1 garlic naan" stay as said.
 */
final class KindsOfACount {

    private KindsOfACount() {}

    static String[] spread(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            var total = count(lexicon, tokens, i);
            if (total == null) {
                continue;
            }
            int head = i + total.length();
            if (head >= tokens.length || index.canonical(tokens[head]) == null) {
                continue;
            }
            int at = head + 1;
            if (at < tokens.length && tokens[at].equals(",")) {
                at++;
            }
            List<String> parts = new ArrayList<>();
            int shared = 0;
            int count = 0;
            while (at < tokens.length) {
                var part = count(lexicon, tokens, at);
                int kind = part == null ? -1 : at + part.length();
                if (kind < 0 || kind >= tokens.length || !makesNameWith(tokens, kind, head, index)) {
                    break;
                }
                for (int k = at; k <= kind; k++) {
                    parts.add(tokens[k]);
                }
                parts.add(tokens[head]);
                shared += part.value();
                count++;
                at = kind + 1;
                int join = at;
                while (join < tokens.length && (tokens[join].equals(",") || lexicon.listJoins.contains(tokens[join]))) {
                    join++;
                }
                if (join == at || join >= tokens.length || count(lexicon, tokens, join) == null) {
                    break;
                }
                for (int k = at; k < join; k++) {
                    parts.add(tokens[k]);
                }
                at = join;
            }
            if (count < 2 || shared != total.value()) {
                continue;
            }
            List<String> out = new ArrayList<>(List.of(tokens).subList(0, i));
            out.addAll(parts);
            out.addAll(List.of(tokens).subList(at, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** A count in digits or words at {@code at}, or null. */
    private static PhraseTable.Match<Integer> count(Lexicon lexicon, String[] tokens, int at) {
        if (at < tokens.length && tokens[at].matches("\\d{1,2}")) {
            return new PhraseTable.Match<>(1, Integer.parseInt(tokens[at]));
        }
        return lexicon.numbers.longest(tokens, at);
    }

    /**
     * Whether the word at {@code kind} and the dish word make a menu name of two words, and the kind
     * does not run on with the words after it into a name of its own ("one butter chicken").
     */
    private static boolean makesNameWith(String[] tokens, int kind, int head, MenuIndex index) {
        String[] pair = {index.canonical(tokens[kind]), index.canonical(tokens[head])};
        if (pair[0] == null || pair[1] == null) {
            return false;
        }
        var item = index.items.longest(pair, 0);
        var own = index.items.longest(tokens, kind);
        return item != null && item.length() == 2 && (own == null || own.length() < 2);
    }
}
