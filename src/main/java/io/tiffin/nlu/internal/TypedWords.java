package io.tiffin.nlu.internal;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the typo-repair stages of {@link DeterministicOrderParser#readWords} read a message's words
 * with: the lexicons and what is built from them once, and the questions every stage asks of a word
 * and its place (is it a menu word, does food follow).
 *
 * @param functionWords words of more than one letter that shape an order: list words, separators, counts, refusals
 * @param joinWords single words that join what stands either side of them ("with", "and", "plus")
 * @param lexiconSpelling the lexicons' meaningful words, to correct a misspelt one
 * @param everydaySpelling everyday words, what a typo may also be read as where chatter stands ("ile": like)
 * @param sentence chooses among the readings of a message's misspelt words together
 */
record TypedWords(
        Lexicon lexicon,
        Set<String> functionWords,
        Set<String> joinWords,
        SpellIndex lexiconSpelling,
        SpellIndex everydaySpelling,
        SentenceReadings sentence) {

    /** How many words a count may stand before its plural item, options between. */
    static final int PLURAL_ITEM_REACH = 7;

    static TypedWords of(Lexicon lexicon) {
        Set<String> function = new java.util.HashSet<>(lexicon.refusalRivals);
        function.addAll(lexicon.listJoins);
        function.addAll(lexicon.shortRefusals);
        lexicon.refusalPhrases.stream().filter(p -> p.length == 1).forEach(p -> function.add(p[0]));
        function.removeIf(w -> w.length() < 2 || lexicon.articles.contains(w));
        Set<String> joins = lexicon.refusalRivals.stream()
                .filter(w -> w.length() > 2
                        && isWord(w)
                        && !lexicon.alternatives.contains(w)
                        && lexicon.separators.longest(new String[] {w}, 0) != null)
                .collect(Collectors.toUnmodifiableSet());
        return new TypedWords(
                lexicon,
                Set.copyOf(function),
                joins,
                new SpellIndex(lexicon.meaningful),
                new SpellIndex(lexicon.everyday.stream()
                        .filter(w -> !lexicon.meaningful.contains(w))
                        .toList()),
                new SentenceReadings(lexicon));
    }

    static boolean isWord(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isLetter) && !ScriptKeys.isOtherScript(token);
    }

    /** Typing cost of {@code typed} read as {@code word}, or {@link Double#MAX_VALUE} beyond {@code reach}. */
    static double cost(String typed, String word, double reach) {
        double cost = SpellIndex.cost(typed, word, reach);
        return cost < 0 ? Double.MAX_VALUE : cost;
    }

    /** The menu words of the tokens from {@code from} on (null where none), to look a menu phrase up. */
    static String[] canonicalFrom(MenuIndex index, String[] tokens, int from) {
        int end = Math.min(tokens.length, from + 4);
        String[] canonical = new String[end - from];
        for (int k = from; k < end; k++) {
            canonical[k - from] = index.canonical(tokens[k]);
        }
        return canonical;
    }

    /** A token as the order reading takes it: its menu word when it has one, else itself. */
    static String readAs(String token, MenuIndex index) {
        String canonical = index.canonical(token);
        return canonical != null ? canonical : token;
    }

    /**
     * Whether a word reads as a word of the menu that is no list word, article or separator: some
     * menus have "and" and "a" in their names ("seven and a half ounces", "in a can"), but a
     * slip before "and" is not a slip before food.
     */
    boolean namesFood(String token, MenuIndex index) {
        return index.canonical(token) != null
                && !lexicon.articles.contains(token)
                && !lexicon.listJoins.contains(token)
                && lexicon.separators.longest(new String[] {token}, 0) == null;
    }

    /** Whether a word reads as a menu word: one as it stands, or a misspelling of one that is no lexicon word. */
    boolean isMenuReading(String token, MenuIndex index) {
        return index.isMenuWord(token) || !lexicon.knows(token) && index.canonical(token) != null;
    }

    /** Whether an item's name and no option's starts at {@code from} ("pizza", "pie"): nothing to refuse. */
    boolean namesOnlyItem(String[] tokens, int from, MenuIndex index) {
        String[] canonical = canonicalFrom(index, tokens, from);
        return index.items.longest(canonical, 0) != null && index.options.longest(canonical, 0) == null;
    }

    /** Whether a word that only names something put on a dish (a topping, no item or size) starts at {@code from}. */
    boolean addOnFollows(String[] tokens, int from, MenuIndex index) {
        if (from >= tokens.length) {
            return false;
        }
        String canonical = index.canonical(tokens[from]);
        String[] ahead = canonicalFrom(index, tokens, from);
        return canonical != null
                && index.isOptionWord(canonical)
                && index.pickWordsWithin(canonical, 0).isEmpty()
                && !lexicon.knows(tokens[from])
                && index.options.longest(ahead, 0) != null
                && index.items.longest(ahead, 0) == null;
    }

    /**
     * Whether a topping follows at {@code from}, perhaps after a qualifier that adds ("extra
     * cheese", "more olives"); a refusal there is no add-on.
     */
    boolean addOnFollowsQualified(String[] tokens, int from, MenuIndex index) {
        if (addOnFollows(tokens, from, index)) {
            return true;
        }
        var qualifier = from < tokens.length ? lexicon.qualifiers.longest(tokens, from) : null;
        return qualifier != null
                && qualifier.value() != io.tiffin.nlu.ParseResult.Qualifier.NO
                && addOnFollows(tokens, from + qualifier.length(), index);
    }

    /** Whether a list word or a separator that joins ("and", "with", not "or") stands right before position {@code i}. */
    boolean afterListWord(String[] tokens, int i) {
        if (i == 0) {
            return false;
        }
        String before = tokens[i - 1];
        return lexicon.listJoins.contains(before)
                || !lexicon.alternatives.contains(before) && lexicon.separators.longest(tokens, i - 1) != null;
    }
}
