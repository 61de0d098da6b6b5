package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the misspelt words of a message together rather than one at a time. Each has a few
 * readings (menu words and lexicon words within typing reach, cheapest first); the combination
 * chosen is the one whose typing cost, less what its words gain by fitting their neighbours, is
 * lowest. Fitting is about how an order is put together, never about one menu: two words of one of
 * the menu's names side by side ("thbi crust"), an option after "extra" or after a refusal, a count
 * before what it counts and never before "and", one list word between menu words rather than two.
 * Neighbouring pairs only, so the best combination is found exactly (Viterbi) in a few hundred pair
 * scores for a message of a handful of misspelt words.
 */
final class SentenceReadings {

    /** Two words of one menu name side by side. */
    static final double PHRASE = 0.5;
    /** An option right after "extra", "light" or a refusal, which call for one. */
    static final double CALLED_FOR = 0.4;
    /** A count read from a typo with nothing after it to count ("extra cheee and", "heee" at the end). */
    static final double COUNTS_NOTHING = 1.0;
    /** A count read from a typo right before a menu word it may count. */
    static final double COUNTS_SOMETHING = 0.05;
    /** A separator read from a typo beside a menu word. */
    static final double BETWEEN_MENU_WORDS = 0.05;
    /** A list word read from a typo beside a topping, beyond {@link #BETWEEN_MENU_WORDS}: "olives adnd onions". */
    static final double BETWEEN_ADD_ONS = 0.1;
    /** A count read from a typo right before a topping. */
    static final double COUNTS_ADD_ON = 0.3;
    /** An everyday word kept as typed beside a list word or menu word. */
    static final double CHATTER_IN_LIST = 0.5;
    /** A word of the lexicons read from a typo right after "a". */
    static final double AFTER_ARTICLE = 0.3;
    /** A count read from a typo right after an item's name. */
    static final double COUNT_AFTER_ITEM = 0.2;
    /** Two list words in a row ("and nd"). */
    static final double DOUBLE_JOIN = 0.6;
    /** A word of chatter read from a typo where an option stands (after a count, before a menu word): "a karg pizza". */
    static final double CHATTER_AMID_ORDER = 0.31;
    /** Ties go to the reading more alike in spelling. */
    private static final double SIMILARITY = 0.01;

    /** Where a reading comes from: the word as typed, or a guess at what was meant. */
    enum Source {
        AS_TYPED,
        MENU,
        /** A word of the lexicons. */
        LEXICON,
        /** An everyday word, read only where no menu word is near ("thh": the). */
        EVERYDAY,
        /** An everyday word kept as typed where a menu word may have been meant ("with am and"). */
        KEPT
    }

    /** One reading of a word: what it is read as, its typing cost, and where it comes from. */
    record Reading(String word, double cost, Source source) {

        static Reading asTyped(String word) {
            return new Reading(word, 0, Source.AS_TYPED);
        }

        static Reading guess(String word, SpellIndex.Match match, Source source) {
            return new Reading(word, match.cost() - SIMILARITY * match.similarity(), source);
        }

        boolean guessed() {
            return source != Source.AS_TYPED && source != Source.KEPT;
        }
    }

    private final Lexicon lexicon;

    SentenceReadings(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * The reading chosen at each position: the combination with the lowest total of typing costs
     * and fit between neighbours. A position with one reading is a word as it stands.
     */
    List<Reading> choose(List<List<Reading>> readings, MenuIndex index) {
        int n = readings.size();
        if (n == 0) {
            return List.of();
        }
        double[][] best = new double[n][];
        int[][] from = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Reading> here = readings.get(i);
            best[i] = new double[here.size()];
            from[i] = new int[here.size()];
            for (int r = 0; r < here.size(); r++) {
                Reading reading = here.get(r);
                double own = reading.cost();
                if (i == 0) {
                    best[i][r] = own + fit(null, reading, index);
                    continue;
                }
                double min = Double.MAX_VALUE;
                List<Reading> before = readings.get(i - 1);
                for (int q = 0; q < before.size(); q++) {
                    double total = best[i - 1][q] + fit(before.get(q), reading, index);
                    if (total < min) {
                        min = total;
                        from[i][r] = q;
                    }
                }
                best[i][r] = min + own;
            }
        }
        int last = 0;
        double min = Double.MAX_VALUE;
        for (int r = 0; r < best[n - 1].length; r++) {
            double total = best[n - 1][r] + fit(readings.get(n - 1).get(r), null, index);
            if (total < min) {
                min = total;
                last = r;
            }
        }
        Reading[] chosen = new Reading[n];
        for (int i = n - 1; i >= 0; i--) {
            chosen[i] = readings.get(i).get(last);
            last = from[i][last];
        }
        return List.of(chosen);
    }

    /**
     * What a pair of neighbouring readings adds to a combination's cost: below zero when they fit
     * together, above when they cannot stand so. {@code null} is the edge of the message.
     */
    double fit(Reading left, Reading right, MenuIndex index) {
        if (left == null || right == null) {
            return left != null && left.guessed() && isCount(left.word()) ? COUNTS_NOTHING : 0;
        }
        double fit = 0;
        String l = left.word();
        String r = right.word();
        String leftMenu = index.canonical(l);
        String rightMenu = index.canonical(r);
        if (leftMenu != null && rightMenu != null && index.followEachOther(leftMenu, rightMenu)) {
            fit -= PHRASE;
        }
        // what "extra" or "no" calls for: something added to a dish (a topping), not a size
        boolean rightAddOn = rightMenu != null && index.onlyAddOnWord(rightMenu) && menuWord(r, index);
        boolean rightOption = rightMenu != null && index.isOptionWord(rightMenu) && menuWord(r, index);
        if (rightAddOn && callsForOption(l) || rightOption && isRefusal(l)) {
            fit -= CALLED_FOR;
        }
        if (isRefusal(l) && callsForOption(r) && (left.guessed() || right.guessed())) {
            fit -= CALLED_FOR; // "nop extra cheese"
        }
        if (left.guessed() && isCount(l)) {
            // "onr small pizza": one; "extra cheee and": cheese, not the count "che"
            // "noe pesto": no count stands before a topping, and a refusal may
            fit += countable(r, rightMenu, index)
                    ? -COUNTS_SOMETHING
                    : lexicon.knows(r) ? COUNTS_NOTHING : rightMenu != null ? COUNTS_ADD_ON : 0;
        }
        // "pizzas wwth tomatoes": a separator between menu words
        if (right.guessed() && joins(r) && leftMenu != null && menuWord(l, index)
                || left.guessed() && joins(l) && rightMenu != null && menuWord(r, index)) {
            fit -= BETWEEN_MENU_WORDS;
        }
        // "carrots adnd olives": between two toppings a list word is as called for as "extra" is
        if (right.guessed() && lexicon.listJoins.contains(r) && addOn(l, leftMenu, index)
                || left.guessed() && lexicon.listJoins.contains(l) && addOn(r, rightMenu, index)) {
            fit -= BETWEEN_ADD_ONS;
        }
        // a lexicon phrase completed: "along eit" is "along with", "hold te" is "hold the"
        if ((left.guessed() || right.guessed()) && lexiconPhrase(l, r)) {
            fit -= PHRASE;
        }
        // "pizza eih sausage": a count read from a typo right after an item's name
        if (right.guessed() && isCount(r) && leftMenu != null && index.itemsByWord.containsKey(leftMenu)) {
            fit += COUNT_AFTER_ITEM;
        }
        // "a" calls for what it counts: "a smal thin crust" is small, not "also" or "all"
        if (lexicon.articles.contains(l) && !left.guessed() && right.guessed() && right.source() != Source.MENU) {
            fit += AFTER_ARTICLE;
        }
        // chatter has no place inside a list of the menu's words: "with am thin crust", "a large am pizza"
        if (right.source() == Source.KEPT && (joins(l) || leftMenu != null && menuWord(l, index))
                || left.source() == Source.KEPT && (joins(r) || rightMenu != null && menuWord(r, index))) {
            fit += CHATTER_IN_LIST;
        }
        // "tree large pizzas": a word that refuses what stands before it ("onion free") read from a
        // typo before a menu word, or where no menu word stands before it, is out of place
        if (left.guessed() && lexicon.negatedAfter.contains(l) && rightMenu != null && menuWord(r, index)
                || right.guessed() && lexicon.negatedAfter.contains(r) && (leftMenu == null || !menuWord(l, index))) {
            fit += CHATTER_AMID_ORDER;
        }
        // "tuna and am": a list word calls for what it lists, even at the end of the message
        if (right.source() == Source.KEPT && (joins(l) || lexicon.listJoins.contains(l))) {
            fit += CHATTER_IN_LIST;
        }
        if (isSeparator(l) && lexicon.listJoins.contains(r) || lexicon.listJoins.contains(l) && isSeparator(r)) {
            fit += DOUBLE_JOIN;
        }
        if (right.source() == Source.LEXICON
                && isChatter(r)
                && (isCount(l) || callsForOption(l) || lexicon.separators.longest(new String[] {l}, 0) != null)) {
            fit += CHATTER_AMID_ORDER;
        }
        // ... and before a menu word: "tree large pizzas" is three, not free
        if ((left.source() == Source.LEXICON && isChatter(l) || left.source() == Source.EVERYDAY)
                && rightMenu != null
                && menuWord(r, index)
                && !lexicon.articles.contains(r)) {
            fit += CHATTER_AMID_ORDER;
        }
        return fit;
    }

    /** Whether a word is the menu's and names only something added to a dish (a topping). */
    private boolean addOn(String word, String menuWord, MenuIndex index) {
        return menuWord != null && index.onlyAddOnWord(menuWord) && menuWord(word, index);
    }

    /** Whether a count may stand before this word: what it counts, an option of it, "of", or another qualifier. */
    private boolean countable(String word, String menuWord, MenuIndex index) {
        return menuWord != null && menuWord(word, index) && !index.onlyAddOnWord(menuWord)
                || lexicon.quantityGlue.contains(word)
                || lexicon.articles.contains(word)
                || lexicon.qualifiers.longest(new String[] {word}, 0) != null && !isRefusal(word);
    }

    /** Whether a word with a menu reading is the menu's: a menu word as it stands, or no word of the lexicons. */
    private boolean menuWord(String word, MenuIndex index) {
        return index.isMenuWord(word) || !lexicon.knows(word);
    }

    /** A lexicon word that changes nothing in an order ("hola", "kar"). */
    private boolean isChatter(String word) {
        return lexicon.knows(word) && !lexicon.meansSomething(word);
    }

    /** Whether two words are a phrase of two words of the lexicons ("along with", "hold the", "do not"). */
    private boolean lexiconPhrase(String first, String second) {
        String[] pair = {first, second};
        return length(lexicon.separators.longest(pair, 0)) == 2
                || length(lexicon.qualifiers.longest(pair, 0)) == 2
                || length(lexicon.numbers.longest(pair, 0)) == 2;
    }

    private static int length(PhraseTable.Match<?> match) {
        return match == null ? 0 : match.length();
    }

    private boolean isSeparator(String word) {
        return lexicon.separators.longest(new String[] {word}, 0) != null;
    }

    /** A separator that joins what it stands between ("and", "with"), not one of alternatives ("or", "nor"). */
    private boolean joins(String word) {
        return isSeparator(word) && !lexicon.alternatives.contains(word);
    }

    private boolean isCount(String word) {
        return lexicon.numbers.longest(new String[] {word}, 0) != null && !lexicon.articles.contains(word);
    }

    private boolean isRefusal(String word) {
        var qualifier = lexicon.qualifiers.longest(new String[] {word}, 0);
        return qualifier != null && qualifier.value() == Qualifier.NO;
    }

    /** "extra", "light": a qualifier that calls for the option it qualifies. */
    private boolean callsForOption(String word) {
        var qualifier = lexicon.qualifiers.longest(new String[] {word}, 0);
        return qualifier != null && qualifier.length() == 1 && qualifier.value() != Qualifier.NO;
    }

    /** The readings of a word to choose among, the word as typed first when it stands as it is. */
    static List<Reading> of(String typed, List<Reading> guesses, boolean typedStands) {
        List<Reading> readings = new ArrayList<>(guesses.size() + 1);
        if (typedStands) {
            readings.add(Reading.asTyped(typed));
        }
        readings.addAll(guesses);
        return readings;
    }
}
