package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hindi word order puts the verb last: "ek aur naan daal do" (put in one more naan), "garlic naan
 * bhej do", "raita bhi laga dena". A verb with its imperative auxiliary said after a dish's words is
 * the verb; left in, "daal" reads as Dal Makhani and "do" as two. The phrases are in
 * {@code light-verbs.txt}; the words are taken out of the message before it is read, and the
 * message is Hindi (the verbs say so, though no other word does).
 */
final class LightVerbs {

    /** Words that may follow the verb inside one message: the next clause or a closer. */
    private static final Set<String> AFTER =
            Set.of(",", ".", "aur", "and", "please", "pls", "plz", "bhaiya", "bhai", "ji", "jaldi");

    /** Words before the verb that show what it acts on was just said ("raita bhi daal do"). */
    private static final Set<String> BEFORE = Set.of("bhi", "bhee", "too", "also");

    /** "More" said right before the verb, of what was just said: "ek roti aur daalo". */
    private static final Set<String> MORE = Set.of("aur", "or");

    private final PhraseTable<Boolean> phrases = new PhraseTable<>();
    private final Lexicon lexicon;

    LightVerbs(Lexicon lexicon) {
        this.lexicon = lexicon;
        for (String line : Lexicon.lines(LightVerbs.class.getClassLoader(), "light-verbs.txt")) {
            phrases.put(lexicon.normalizer.tokens(line), true);
        }
    }

    /** The tokens without the verbs said after a dish; the same array when there are none. */
    String[] without(String[] t, MenuIndex index) {
        return without(t, verbsIn(t, index));
    }

    /** The tokens with the marked ones left out; the same array when none is marked. */
    static String[] without(String[] t, boolean[] verbs) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < t.length; k++) {
            if (k >= verbs.length || !verbs[k]) {
                out.add(t[k]);
            }
        }
        return out.size() == t.length ? t : out.toArray(String[]::new);
    }

    /**
     * The tokens with each marked verb said as {@code word} instead: "coke hatao aur ek mango lassi
     * daalo" beside a removal is "... ek mango lassi add", a clause of its own that adds.
     */
    static String[] saidAs(String word, String[] t, boolean[] verbs) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < t.length; k++) {
            if (k >= verbs.length || !verbs[k]) {
                out.add(t[k]);
            } else if (k == 0 || !verbs[k - 1]) {
                out.add(word);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Which tokens are the verbs said after a dish, or after a dish the menu lacks. */
    boolean[] verbsIn(String[] t, MenuIndex index) {
        boolean[] verbs = new boolean[t.length];
        for (int k = 1; k < t.length; k++) {
            var verb = phrases.longest(t, k);
            if (verb == null) {
                continue;
            }
            int end = k + verb.length();
            boolean closes = end == t.length || AFTER.contains(t[end]);
            // "ek roti aur daalo": "aur" is "more" before a one-word verb, or one that can be no dish
            // ("naan aur dal do" is naan and dal)
            boolean more = MORE.contains(t[k - 1]) && (verb.length() == 1 || !dishWord(t[k], index));
            if (closes
                    && (dishWord(t[k - 1], index) || BEFORE.contains(t[k - 1]) || more || notSold(t[k - 1], index))) {
                java.util.Arrays.fill(verbs, k, end, true);
                k = end - 1;
            }
        }
        return verbs;
    }

    /**
     * "ek sprite daal do": a word neither the menu nor the lexicons know, not a count, is a dish the
     * menu lacks, and the verb after it is still the verb; "ek dal do" keeps its dal, a count before.
     */
    private boolean notSold(String token, MenuIndex index) {
        return index.canonical(token) == null
                && !lexicon.knows(token)
                && !token.matches("\\d+|\\p{Punct}")
                && lexicon.numbers.longest(new String[] {token}, 0) == null;
    }

    private static boolean dishWord(String token, MenuIndex index) {
        String canonical = index.canonical(token);
        return canonical != null && index.itemsByWord.containsKey(canonical);
    }
}
