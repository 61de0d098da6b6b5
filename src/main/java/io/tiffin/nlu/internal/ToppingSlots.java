package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A word no reading explains, standing where a list of toppings goes on: after "with", "and", a
 * refusal, "extra" or a topping, and before a list word, a menu word, a qualifier, chatter or the
 * end ("with shm pepperoni", "olives and tuab pie", "extra ceee"). Two edits are too many to read a
 * word of three or four letters anywhere, but in that place only a topping can stand, so the word is
 * read as the one topping within two edits of it (Damerau-Levenshtein: a swap is one edit; one edit
 * for a word of two letters). When two toppings are about as near by typing cost, or a list word,
 * count, article or refusal is as cheap to have typed so ("adm": and), it stays as it was read:
 * nothing is guessed. A word typed as it is ("am", "lies") stays itself.
 */
final class ToppingSlots {

    private ToppingSlots() {}

    /**
     * {@code typed} is the message as typed, word for word with {@code tokens} (the words as read so
     * far): a typo the readings bent into chatter ("niond": nine, "bcan": can) is read again here.
     */
    static void read(Lexicon lexicon, String[] typed, String[] tokens, MenuIndex index) {
        boolean hindi = lexicon.writesHindi(typed);
        for (int i = 1; i < tokens.length && i < typed.length; i++) {
            String token = typed[i];
            // a typo bent into chatter ("bcan": can) is read again only inside a list, with a list
            // word or menu word after it: at the end, "pleeas" and "thakns" stay please and thanks
            boolean unread = token.equals(tokens[i]);
            // a refusal calls for what it refuses: after one, the list may end even where a typo
            // was bent into chatter ("without any tnia please", "with no tuab")
            boolean refusing = afterRefusal(lexicon, tokens, i);
            if (!readsAsNothing(lexicon, tokens[i], index)) {
                continue;
            }
            if (!typo(lexicon, token, index)) {
                if (unread) {
                    readRealWord(lexicon, tokens, i, index, hindi);
                }
                continue;
            }
            // between a size and the dish's name or a list word only a topping stands: no list
            // word, count, article or refusal can ("a medium amh pizza", "a large ajm and pepper pie")
            boolean onlyTopping = betweenPickAndDish(lexicon, token, tokens, i, index);
            // "tuna and jamm": a list word after a topping calls for one more, so the list ends there
            // even where the typo was bent into chatter
            boolean calledFor = unread
                    || refusing
                    || afterListJoin(lexicon, tokens, i, index)
                            && (closes(lexicon, tokens, i + 1) || toppingAt(tokens, i + 1, index));
            if (!onlyTopping
                    && (!listGoesOn(lexicon, tokens, i, index, token.length() > 2)
                            || !listEndsOrGoesOn(lexicon, tokens, i + 1, index, true))) {
                continue;
            }
            int edits = token.length() <= 2 ? 1 : 2;
            String singular = TextNormalizer.singular(token);
            String only = index.onlyAddOnWordWithin(token, edits);
            if (only == null && !singular.equals(token)) {
                only = index.onlyAddOnWordWithin(singular, edits); // "oins": onion
            }
            if (only == null) {
                continue;
            }
            // at the end or before chatter a typo bent into chatter stays it ("thakns"), unless the
            // list called for a topping there or the topping is as cheap to have typed ("bacon tina")
            if (!onlyTopping
                    && !calledFor
                    && !listEndsOrGoesOn(lexicon, tokens, i + 1, index, false)
                    && !(typed(token, only) <= typed(token, tokens[i]))) {
                continue;
            }
            // before a list word, a turn or the end no list word, count, article or refusal can
            // stand, so none of them is a rival there ("with nta and mushrooms": not tuna's "not")
            boolean closed = closes(lexicon, tokens, i + 1) && !dishAsNear(token, only, index);
            if (onlyTopping || closed || !rivalAsNear(lexicon, token, only, hindi)) {
                tokens[i] = only;
            }
        }
    }

    /**
     * A real word or filler that means nothing there ("am", "hm", "hmm") in a list's place that calls
     * for a topping: after "with", a list word after a topping, or a qualifier, and before a list word,
     * a turn, the end or a topping. It is read as the one topping a slip away ("with tuna and am but no
     * olives", "with hm and peppers"); elsewhere ("i am", "jam on toast") it stays itself.
     */
    private static void readRealWord(Lexicon lexicon, String[] tokens, int i, MenuIndex index, boolean hindi) {
        String token = tokens[i];
        if (token.length() < 2
                || token.length() > REAL_WORD_LONGEST
                || !token.chars().allMatch(Character::isLetter)
                || lexicon.meansSomething(token)
                || lexicon.articles.contains(token)
                || lexicon.shortRefusals.contains(token)
                || index.isMenuWord(token)) {
            return;
        }
        String before = tokens[i - 1];
        boolean with = lexicon.separators.longest(tokens, i - 1) != null
                && !lexicon.listJoins.contains(before)
                && !lexicon.alternatives.contains(before);
        boolean opened = with || afterListJoin(lexicon, tokens, i, index) || afterQualifier(lexicon, tokens, i);
        boolean toppingNext = toppingAt(tokens, i + 1, index);
        if (!opened || !toppingNext && !closes(lexicon, tokens, i + 1)) {
            return;
        }
        String only = index.onlyAddOnWordWithin(token, 1);
        if (only != null
                && SpellIndex.cost(token, only, SpellIndex.OTHER_KEY) >= 0
                && !dishAsNear(token, only, index)
                && (closes(lexicon, tokens, i + 1) || !rivalAsNear(lexicon, token, only, hindi))) {
            tokens[i] = only;
        }
    }

    /** Whether a word of a dish's name is as cheap to have typed so as the topping ("pepperoni zza": pizza, not pea). */
    private static boolean dishAsNear(String token, String topping, MenuIndex index) {
        double cost = typed(token, topping);
        for (String dish : index.itemsByWord.keySet()) {
            if (SpellIndex.cost(token, dish, cost) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Longest real word read as a topping by its place: what a topping of three or four letters leaves after a slip. */
    private static final int REAL_WORD_LONGEST = 3;

    /** Whether the list closes at {@code j}: the end, a list word or separator, a turn ("but", "only"). */
    private static boolean closes(Lexicon lexicon, String[] tokens, int j) {
        return j >= tokens.length
                || lexicon.separators.longest(tokens, j) != null
                || lexicon.refusalEnds.contains(tokens[j])
                || opensRefusal(lexicon, tokens[j]) && lexicon.qualifiers.longest(tokens, j) == null;
    }

    /** Whether a topping's word stands at {@code j}. */
    private static boolean toppingAt(String[] tokens, int j, MenuIndex index) {
        String canonical = j < tokens.length ? index.canonical(tokens[j]) : null;
        return canonical != null && index.onlyAddOnWord(canonical);
    }

    /** Whether a list word ("and") stands right before {@code i} with a topping before it: the list goes on there. */
    private static boolean afterListJoin(Lexicon lexicon, String[] tokens, int i, MenuIndex index) {
        if (i < 2 || !lexicon.listJoins.contains(tokens[i - 1])) {
            return false;
        }
        String topping = index.canonical(tokens[i - 2]);
        return topping != null && index.onlyAddOnWord(topping);
    }

    /** Whether a qualifier phrase ("extra", "no", "hold the") ends right before {@code i}. */
    private static boolean afterQualifier(Lexicon lexicon, String[] tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            var qualifier = lexicon.qualifiers.longest(tokens, k);
            if (qualifier != null && k + qualifier.length() == i) {
                return true;
            }
        }
        return false;
    }

    /** Typing costs above this are not compared: no reading is that far. */
    private static final double FARTHEST = 4.0;

    /**
     * Whether a word that stands in a list's place as well (a list word, article, count, qualifier
     * or refusal; a Hindi count only in a message with Hindi) is as cheap to have typed so as the
     * topping, by typing cost.
     */
    private static boolean rivalAsNear(Lexicon lexicon, String token, String topping, boolean hindi) {
        String key = (hindi ? "h " : "e ") + token + ' ' + topping;
        Boolean memo = RIVALS.get(key);
        if (memo == null) {
            if (RIVALS.size() > MEMO_LIMIT) {
                RIVALS.clear();
            }
            memo = findRival(lexicon, token, topping, hindi);
            RIVALS.put(key, memo);
        }
        return memo;
    }

    /** Typed words and toppings to whether a rival is as near: the lexicons are the classpath's, the same for every parser. */
    private static final Map<String, Boolean> RIVALS = new ConcurrentHashMap<>();

    private static final int MEMO_LIMIT = 20_000;

    private static boolean findRival(Lexicon lexicon, String token, String topping, boolean hindi) {
        double cost = Math.min(typed(token, topping), typed(TextNormalizer.singular(token), topping));
        for (Set<String> words : List.of(lexicon.refusalRivals, lexicon.shortRefusals)) {
            for (String word : words) {
                if (!word.equals(topping)
                        && (hindi || !lexicon.hindiOnly.contains(word))
                        && SpellIndex.cost(token, word, cost) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double typed(String token, String word) {
        double cost = SpellIndex.cost(token, word, FARTHEST);
        return cost < 0 ? FARTHEST : cost;
    }

    /** A word of letters that is no word of the lexicons or the menu: a typo. */
    private static boolean typo(Lexicon lexicon, String token, MenuIndex index) {
        return token.length() >= 2
                && token.chars().allMatch(Character::isLetter)
                && !lexicon.knows(token)
                && !index.isMenuWord(token);
    }

    /** A word as read that says nothing to the order: unread, or read as chatter. */
    private static boolean readsAsNothing(Lexicon lexicon, String word, MenuIndex index) {
        return index.canonical(word) == null && !lexicon.meansSomething(word);
    }

    /** Whether a topping may stand at {@code i}: after a list word, a qualifier or refusal, or (when {@code afterTopping}) a topping. */
    private static boolean listGoesOn(Lexicon lexicon, String[] tokens, int i, MenuIndex index, boolean afterTopping) {
        String before = tokens[i - 1];
        if (lexicon.separators.longest(tokens, i - 1) != null && !lexicon.alternatives.contains(before)) {
            return true;
        }
        for (int k = Math.max(0, i - 3); k < i; k++) {
            var qualifier = lexicon.qualifiers.longest(tokens, k);
            if (qualifier != null && k + qualifier.length() == i) {
                return true; // "extra ceee", "hold the hhan", "without any tnia"
            }
        }
        // "tuna md mushroom": two letters between two toppings are the list word, not a third
        String menu = index.canonical(before);
        return afterTopping && menu != null && index.onlyAddOnWord(menu);
    }

    /** Whether what follows lets the list go on (a list word, menu word, qualifier) or, when {@code orEnds}, end (chatter, the end). */
    private static boolean listEndsOrGoesOn(Lexicon lexicon, String[] tokens, int j, MenuIndex index, boolean orEnds) {
        if (j >= tokens.length) {
            return orEnds;
        }
        return lexicon.separators.longest(tokens, j) != null
                || lexicon.qualifiers.longest(tokens, j) != null
                || index.canonical(tokens[j]) != null
                || orEnds
                        && (lexicon.fillers.contains(tokens[j])
                                || lexicon.refusalEnds.contains(tokens[j])
                                || opensRefusal(lexicon, tokens[j]));
    }

    /** Whether a word is the first of a refusal phrase of more words ("but" of "but no"): a clause turns there. */
    private static boolean opensRefusal(Lexicon lexicon, String word) {
        for (String[] phrase : lexicon.refusalPhrases) {
            if (phrase.length > 1 && phrase[0].equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a refusal ("no", "without any", "hold the") ends right before {@code i}. */
    private static boolean afterRefusal(Lexicon lexicon, String[] tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            var qualifier = lexicon.qualifiers.longest(tokens, k);
            if (qualifier != null && k + qualifier.length() == i && qualifier.value() == ParseResult.Qualifier.NO) {
                return true;
            }
        }
        return false;
    }

    /** Reach within which a size or style as near keeps a word from being read as a topping. */
    private static final double PICK_REACH = 2 * SpellIndex.OTHER_KEY;

    /**
     * Whether position {@code i} stands where a dish's toppings are named before its own name: after
     * a size or style and before the dish's name or a list word ("a medium shm and sausage pizza",
     * "thin crust jamm pizza"), with no size or style as near to the typo as a topping might be.
     */
    private static boolean betweenPickAndDish(Lexicon lexicon, String typed, String[] tokens, int i, MenuIndex index) {
        if (i + 1 >= tokens.length) {
            return false;
        }
        String before = index.canonical(tokens[i - 1]);
        if (before == null
                || !index.isOptionWord(before)
                || index.onlyAddOnWord(before)
                || index.itemsByWord.containsKey(before)
                || index.pickWordsWithin(typed, PICK_REACH).stream()
                        .anyMatch(m -> m.word().length() > 2 && !lexicon.knows(m.word()))) {
            return false; // "a small tjin pizza": thin as near as any topping
        }
        String next = tokens[i + 1];
        String[] ahead = TypedWords.canonicalFrom(index, tokens, i + 1);
        boolean dish = index.items.longest(ahead, 0) != null && index.options.longest(ahead, 0) == null;
        boolean listed = lexicon.listJoins.contains(next)
                && i + 2 < tokens.length
                && index.canonical(tokens[i + 2]) != null
                && !lexicon.knows(tokens[i + 2]);
        return dish || listed;
    }
}
