package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of what a message does besides ordering (editing the cart, asking about the menu,
 * choosing pickup, asking for the last order again) and of the language it is in, read once from
 * {@code nlu-models/lexicons/}. Phrases are normalized like messages so they compare token by token.
 */
final class TurnLexicon {

    /** Roles of {@code edits.txt} and {@code questions.txt}, each a table of phrases. */
    private final Map<String, PhraseTable<Boolean>> roles = new HashMap<>();

    final PhraseTable<Integer> ordinals = new PhraseTable<>();
    /** Dietary words, to the tag they ask about. */
    final PhraseTable<String> tags = new PhraseTable<>();
    /** Each tag's every spelling. */
    final Map<String, Set<String>> tagSpellings = new HashMap<>();

    final Set<String> hinglish;
    final Set<List<String>> pickup = new HashSet<>();
    final Set<List<String>> delivery = new HashSet<>();
    final PhraseTable<Boolean> repeat = new PhraseTable<>();
    final Lexicon lexicon;
    private final Set<String> vocabulary = new HashSet<>();
    /** The one-word phrases of edits and questions, to read them misspelt ("chnage", "swpa"). */
    final SpellIndex spelling;

    TurnLexicon(Lexicon lexicon) {
        this.lexicon = lexicon;
        ClassLoader loader = TurnLexicon.class.getClassLoader();
        for (String file : List.of("edits.txt", "questions.txt")) {
            for (String line : Lexicon.lines(loader, file)) {
                int eq = line.lastIndexOf('=');
                String role = line.substring(eq + 1).strip();
                String[] words = words(line.substring(0, eq));
                if (role.matches("-?\\d+")) {
                    ordinals.put(words, Integer.valueOf(role));
                } else {
                    roles.computeIfAbsent(role, r -> new PhraseTable<>()).put(words, true);
                }
            }
        }
        Set<String> roleWords = new HashSet<>();
        for (String file : List.of("edits.txt", "questions.txt")) {
            for (String line : Lexicon.lines(loader, file)) {
                String[] words = words(line.substring(0, line.lastIndexOf('=')));
                if (words.length == 1) {
                    roleWords.add(words[0]);
                }
            }
        }
        spelling = new SpellIndex(roleWords);
        Map<String, Set<String>> spellings = new HashMap<>();
        List<String[]> tagLines = new ArrayList<>();
        for (String line : Lexicon.lines(loader, "dietary-tags.txt")) {
            int eq = line.lastIndexOf('=');
            String spelling = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String tag = line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            spellings.computeIfAbsent(tag, t -> new LinkedHashSet<>(List.of(t))).add(spelling);
            tagLines.add(new String[] {spelling, tag});
        }
        for (String[] pair : tagLines) {
            tags.put(words(pair[0]), pair[1]);
            tagSpellings.put(pair[1], Set.copyOf(spellings.get(pair[1])));
        }
        hinglish = Set.copyOf(Lexicon.lines(loader, "hinglish.txt").stream()
                .map(l -> l.toLowerCase(Locale.ROOT))
                .toList());
        vocabulary.addAll(hinglish);
        Lexicon.lines(loader, "intent-pickup.txt").forEach(l -> pickup.add(List.of(words(l))));
        Lexicon.lines(loader, "intent-delivery.txt").forEach(l -> delivery.add(List.of(words(l))));
        Lexicon.lines(loader, "repeat-order.txt").forEach(l -> repeat.put(words(l), true));
    }

    /** The length of a phrase of this role starting at {@code from}, 0 if none. */
    int at(String role, String[] tokens, int from) {
        PhraseTable<Boolean> table = roles.get(role);
        var match = table == null || from >= tokens.length ? null : table.longest(tokens, from);
        return match == null ? 0 : match.length();
    }

    /** The first position in [from, to) where a phrase of this role starts, -1 if none. */
    int find(String role, String[] tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            int length = at(role, tokens, i);
            if (length > 0 && i + length <= to) {
                return i;
            }
        }
        return -1;
    }

    /** The length of a phrase of this role ending exactly at {@code to}, 0 if none. */
    int endingAt(String role, String[] tokens, int from, int to) {
        for (int i = Math.max(from, to - 4); i < to; i++) {
            if (at(role, tokens, i) == to - i) {
                return to - i;
            }
        }
        return 0;
    }

    boolean is(String role, String token) {
        return at(role, new String[] {token}, 0) == 1;
    }

    /** A count said at {@code from}: digits or a number word, not an article; null if none. */
    PhraseTable.Match<Integer> count(String[] tokens, int from, int to) {
        if (from < 0 || from >= to) {
            return null;
        }
        if (from + 1 < to && tokens[from + 1].matches("st|nd|rd|th")) {
            return null; // "the 2nd pizza" is an ordinal
        }
        if (tokens[from].matches("\\d{1,2}")) {
            return new PhraseTable.Match<>(1, Integer.valueOf(tokens[from]));
        }
        var number = lexicon.numbers.longest(tokens, from);
        if (number == null
                || from + number.length() > to
                || number.length() == 1 && lexicon.articles.contains(tokens[from])) {
            return null;
        }
        return number;
    }

    /** Whether a phrase of these lexicons (not the order lexicons) has this word. */
    boolean hasOwn(String word) {
        return vocabulary.contains(word);
    }

    /** Whether any phrase of these lexicons has this word: such a word is never read as a misspelling. */
    boolean knows(String word) {
        return vocabulary.contains(word) || lexicon.knows(word);
    }

    private String[] words(String phrase) {
        String[] tokens = lexicon.normalizer.tokens(phrase);
        vocabulary.addAll(List.of(tokens));
        return tokens;
    }
}
