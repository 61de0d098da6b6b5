package io.tiffin.nlu.internal;

import java.util.List;
import java.util.Map;

/** The readings a misspelt word may have: menu and lexicon words within typing reach, or none. */
final class TypoGuesses {

    private final TypedWords words;
    private final Lexicon lexicon;

    TypoGuesses(TypedWords words) {
        this.words = words;
        this.lexicon = words.lexicon();
    }

    /** Readings of a misspelt word: menu words and lexicon words within typing reach, and the word left unread. */
    List<SentenceReadings.Reading> guesses(String token, String[] tokens, int i, MenuIndex index) {
        Map<String, SentenceReadings.Reading> byWord = new java.util.LinkedHashMap<>();
        for (SpellIndex.Match m : index.spellingCandidates(token, READINGS)) {
            var reading = SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.MENU);
            if (namesNothingAlone(m.word(), index) && !nameGoesOn(m.word(), tokens, i, index)) {
                // "sdn": the "san" of a longer name, which names nothing unless its other words stand beside it
                reading =
                        new SentenceReadings.Reading(reading.word(), reading.cost() + PART_OF_A_NAME, reading.source());
            }
            byWord.merge(m.word(), reading, TypoGuesses::cheaper);
        }
        boolean menu = !byWord.isEmpty();
        List<String> held = new java.util.ArrayList<>(TextNormalizer.heldKeyVariants(token));
        held.add(TextNormalizer.withoutDoubledLetters(token));
        for (String single : held) {
            if (single.equals(token) || !lexicon.knownWords.contains(single) || index.isMenuWord(single)) {
                continue;
            }
            // "noo", "andd", "mee", "addd": a key held down
            byWord.merge(
                    single,
                    new SentenceReadings.Reading(
                            single,
                            SpellIndex.DOUBLED * (token.length() - single.length()),
                            lexicon.meaningful.contains(single)
                                    ? SentenceReadings.Source.LEXICON
                                    : SentenceReadings.Source.EVERYDAY),
                    TypoGuesses::cheaper);
        }
        if (token.length() <= SpellIndex.MIN_LENGTH) {
            // "nop extra cheese", "nio pepperoni": a refusal of two letters is too short for the index
            for (String refusal : lexicon.shortRefusals) {
                double cost = SpellIndex.cost(token, refusal, SpellIndex.OTHER_KEY);
                if (cost >= 0) {
                    byWord.merge(
                            refusal,
                            new SentenceReadings.Reading(refusal, cost, SentenceReadings.Source.LEXICON),
                            TypoGuesses::cheaper);
                }
            }
        }
        boolean hindi = lexicon.writesHindi(tokens);
        for (SpellIndex.Match m : words.lexiconSpelling().within(token, LEXICON_READINGS)) {
            if (!hindi && lexicon.hindiOnly.contains(m.word())) {
                continue; // "bede" in an English message is no Hindi count ("bees", 20)
            }
            var reading = SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.LEXICON);
            if (lexicon.meansSomething(m.word())) {
                // counts, qualifiers and separators first among lexicon words: "hol" is hold, not hola
                reading =
                        new SentenceReadings.Reading(reading.word(), reading.cost() - MEANING_FIRST, reading.source());
            }
            byWord.merge(m.word(), reading, TypoGuesses::cheaper);
        }
        if (byWord.isEmpty()) {
            return List.of();
        }
        // everyday words only where no menu word is near: "thh" is the, but "noin" is not noon
        for (SpellIndex.Match m :
                menu ? List.<SpellIndex.Match>of() : words.everydaySpelling().within(token, READINGS)) {
            var reading = SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.EVERYDAY);
            byWord.merge(
                    m.word(),
                    new SentenceReadings.Reading(reading.word(), reading.cost() + EVERYDAY, reading.source()),
                    TypoGuesses::cheaper);
        }
        List<SentenceReadings.Reading> readings = new java.util.ArrayList<>(byWord.values());
        if (!menu) {
            // no menu word near: the word may also stay unread, dearer than any reading in reach
            double dearest = readings.stream()
                    .mapToDouble(SentenceReadings.Reading::cost)
                    .max()
                    .orElse(0);
            readings.add(new SentenceReadings.Reading(token, dearest + UNREAD, SentenceReadings.Source.AS_TYPED));
        }
        return readings;
    }

    /** What a menu word costs beyond its typing when it names nothing by itself, only inside longer names. */
    private static final double PART_OF_A_NAME = 0.5;

    /** Whether a word beside position {@code i} goes on a name with this menu word ("rreen peppers": green). */
    static boolean nameGoesOn(String word, String[] tokens, int i, MenuIndex index) {
        String before = i > 0 ? index.canonical(tokens[i - 1]) : null;
        String after = i + 1 < tokens.length ? index.canonical(tokens[i + 1]) : null;
        return before != null && index.followEachOther(before, word)
                || after != null && index.followEachOther(word, after);
    }

    /** Whether a menu word names no item or option by itself, only words of longer names ("san" of "san pellegrino"). */
    static boolean namesNothingAlone(String word, MenuIndex index) {
        String[] one = {word};
        return index.items.longest(one, 0) == null
                && index.options.longest(one, 0) == null
                && index.onlyOptionEndingWith(word) == null
                && index.onlyOptionStartingWith(word) == null;
    }

    private static SentenceReadings.Reading cheaper(SentenceReadings.Reading a, SentenceReadings.Reading b) {
        return b.cost() < a.cost() ? b : a;
    }

    /** Readings kept per misspelt word. */
    private static final int READINGS = 3;

    /** Readings kept among the lexicons' words, which are many and short. */
    private static final int LEXICON_READINGS = 6;

    /** How much a lexicon word that changes the order is preferred over chatter as near. */
    private static final double MEANING_FIRST = 0.001;

    /** What leaving a word unread costs beyond its typing budget. */
    private static final double UNREAD = 0.5;

    /** How much dearer an everyday word is than a word of the order as near. */
    private static final double EVERYDAY = 0.1;
}
