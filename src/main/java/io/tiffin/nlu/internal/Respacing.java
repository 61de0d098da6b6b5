package io.tiffin.nlu.internal;

import java.util.List;

/** Words split or run together against the menu's spelling, and lexicon words typed in another script. */
final class Respacing {

    private final Lexicon lexicon;

    Respacing(TypedWords words) {
        this.lexicon = words.lexicon();
    }

    /**
     * A word of another script the lexicons do not know, whose romanisation they do ("ਦੋ" is "do",
     * 2), is read as that word: the lexicons then serve every Indic script their Hinglish serves.
     */
    void romaniseLexiconWords(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (ScriptKeys.isOtherScript(tokens[i]) && !lexicon.knownWords.contains(tokens[i])) {
                String latin = ScriptKeys.latin(tokens[i]);
                if (lexicon.knownWords.contains(latin)) {
                    tokens[i] = latin;
                }
            }
        }
    }

    /**
     * Words split or run together against the menu's spelling: "pepper jack" is pepperjack when the
     * menu writes it as one word and has no "pepper jack" (never words of the lexicons: "and a" is
     * not the anda of an egg curry); "pepperonipizza" and "extracheese" are
     * two words when both halves are the menu's (or a count, qualifier or separator on the left).
     */
    String[] respaced(String[] tokens, MenuIndex index) {
        List<String> out = new java.util.ArrayList<>(tokens.length + 2);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (i + 1 < tokens.length
                    && TypedWords.isWord(token)
                    && TypedWords.isWord(tokens[i + 1])
                    && index.isMenuWord(token + tokens[i + 1])
                    && !lexicon.knows(token + tokens[i + 1])
                    && !lexicon.knows(token)
                    && !lexicon.knows(tokens[i + 1])
                    && !isMenuPhrase(index, index.canonical(token), index.canonical(tokens[i + 1]))) {
                out.add(token + tokens[i + 1]);
                i++;
                continue;
            }
            String[] halves = token.length() >= MIN_RUN_TOGETHER
                            && TypedWords.isWord(token)
                            && !lexicon.knows(token)
                            && !index.isMenuWord(token)
                            // "pieapple" is pineapple with a letter dropped, not "pie apple"
                            && !index.cheapSlipOfMenuWord(token)
                    ? halves(token, index)
                    : null;
            if (halves != null) {
                out.add(halves[0]);
                out.add(halves[1]);
            } else {
                out.add(token);
            }
        }
        return out.size() == tokens.length ? tokens : out.toArray(String[]::new);
    }

    /** Whether two words are a menu phrase of two words as they stand ("ice tea"). */
    private static boolean isMenuPhrase(MenuIndex index, String first, String second) {
        String[] pair = {first, second};
        var item = index.items.longest(pair, 0);
        var option = index.options.longest(pair, 0);
        return item != null && item.length() == 2 || option != null && option.length() == 2;
    }

    /** Shortest word looked at as two run together. */
    private static final int MIN_RUN_TOGETHER = 7;

    private String[] halves(String token, MenuIndex index) {
        for (int at = 2; at <= token.length() - 3; at++) {
            String left = token.substring(0, at);
            String right = token.substring(at);
            boolean leftReads = left.length() >= 3 && index.isMenuWord(left) || lexicon.meansSomething(left);
            if (leftReads && right.length() >= 3 && index.isMenuWord(right)) {
                return new String[] {left, right};
            }
        }
        return null;
    }
}
