package io.tiffin.nlu.internal;

import java.util.List;

/** Misspelt words read as the lexicon's or the menu's, the whole message weighed at once (SentenceReadings). */
final class LexiconSpelling {

    private final TypedWords words;
    private final Lexicon lexicon;
    private final TypoGuesses typoGuesses;
    private final JoinSlips joins;

    LexiconSpelling(TypedWords words, JoinSlips joins) {
        this.words = words;
        this.lexicon = words.lexicon();
        this.typoGuesses = new TypoGuesses(words);
        this.joins = joins;
    }

    /** Typing cost beyond a word's budget allowed when only one menu word is that near. */
    private static final double SECOND_SLIP = 0.6;

    /**
     * A misspelt word of the lexicons ("witout", "tow", "hokdd") is read as that word, so refusals,
     * counts and qualifiers survive typing. A word is read as the lexicon's or the menu's, whichever
     * it is closer to by typing cost; a menu reading that is also a lexicon word ("exxtra": extra)
     * is written as that word so the lexicons see it too. Words the lexicons know stay as they are.
     */
    void correctLexiconWords(String[] tokens, MenuIndex index) {
        List<Integer> unread = new java.util.ArrayList<>();
        List<List<SentenceReadings.Reading>> readings = new java.util.ArrayList<>(tokens.length);
        boolean guessing = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() == 2
                    && token.charAt(0) == token.charAt(1)
                    && Character.isLetter(token.charAt(0))
                    && lexicon.knownWords.contains(token.substring(1))
                    && !index.isMenuWord(token)) {
                tokens[i] = token.substring(1); // "aa", "ii": a key held down
            } else if (token.length() >= SpellIndex.MIN_LENGTH
                    && !lexicon.knows(token)
                    && !index.isMenuWord(token)
                    && !ScriptKeys.isOtherScript(token)) {
                List<SentenceReadings.Reading> guesses = typoGuesses.guesses(token, tokens, i, index);
                if (guesses.isEmpty()) {
                    unread.add(i);
                } else {
                    readings.add(guesses);
                    guessing = true;
                    continue;
                }
            } else if (articleSlip(token, tokens, i, index) != null) {
                // "get me s large pizza": a one-letter article one key off, before what it counts
                tokens[i] = articleSlip(token, tokens, i, index);
            } else if (inListSlot(token, tokens, i, index)) {
                // "with am thin crust", "a large jam pizza": an everyday word where a list of the
                // menu's words goes on may be the short menu word it is a slip from
                List<SentenceReadings.Reading> near = new java.util.ArrayList<>();
                near.add(new SentenceReadings.Reading(token, 0, SentenceReadings.Source.KEPT));
                for (SpellIndex.Match m : index.shortMenuWordsNear(token, SpellIndex.MISSING_LETTER)) {
                    near.add(SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.MENU));
                }
                if (near.size() > 1) {
                    readings.add(near);
                    guessing = true;
                    continue;
                }
            } else if (isShortAmbiguous(token, tokens, i, index)) {
                // "and n peppers": a letter that would be a second list word may be the refusal it is a slip from
                readings.add(List.of(
                        SentenceReadings.Reading.asTyped(token),
                        new SentenceReadings.Reading(
                                SHORT_REFUSAL, SpellIndex.MISSING_LETTER, SentenceReadings.Source.LEXICON)));
                guessing = true;
                continue;
            }
            readings.add(List.of(SentenceReadings.Reading.asTyped(tokens[i])));
        }
        if (guessing) {
            List<SentenceReadings.Reading> chosen = words.sentence().choose(readings, index);
            for (int i = 0; i < tokens.length; i++) {
                if (readings.get(i).size() > 1 || readings.get(i).getFirst().guessed()) {
                    tokens[i] = written(tokens[i], chosen.get(i), index);
                }
            }
        }
        // a word still unread in a message that orders from the menu: a second slip is allowed when
        // exactly one menu word is that near ("tmua" tuna, "sml" small)
        if (!unread.isEmpty() && java.util.Arrays.stream(tokens).anyMatch(index::isMenuWord)) {
            for (int i : unread) {
                String join = joins.joinBetweenMenuWords(tokens, i, index);
                if (join != null) {
                    tokens[i] = join; // "pie twh bacon", "pizza eih sausage": with, not two or eight
                    continue;
                }
                SpellIndex.Match near = index.onlyMenuWordNear(tokens[i], SECOND_SLIP);
                if (near != null
                        && TypoGuesses.namesNothingAlone(near.word(), index)
                        && !TypoGuesses.nameGoesOn(near.word(), tokens, i, index)) {
                    near = null; // "a sprite sdn a coke": not the "san" of a name whose other words are not there
                }
                String whole = near != null ? near.word() : index.onlyWordStartingWith(tokens[i]);
                if (whole != null) {
                    tokens[i] = whole; // ... or a clipped word: "mayo" for the one menu word that starts so
                }
            }
        }
    }

    private static final String SHORT_REFUSAL = "no";

    /**
     * The one-letter article a letter that is no word stands for ("s", "ss": a), when it is a key
     * beside it, stands before a menu word or a qualifier and not right after a menu word; or null.
     */
    private String articleSlip(String token, String[] tokens, int i, MenuIndex index) {
        if (token.isEmpty()
                || token.length() > 2
                || token.charAt(0) != token.charAt(token.length() - 1)
                || !Character.isLetter(token.charAt(0))
                || lexicon.knownWords.contains(token)
                || index.isMenuWord(token)
                || i + 1 >= tokens.length
                || i > 0 && !lexicon.knows(tokens[i - 1]) && index.canonical(tokens[i - 1]) != null) {
            return null;
        }
        if (!words.isMenuReading(tokens[i + 1], index) && lexicon.qualifiers.longest(tokens, i + 1) == null) {
            return null;
        }
        for (String article : lexicon.articles) {
            if (article.length() == 1 && SpellIndex.isNeighbour(token.charAt(0), article.charAt(0))) {
                return article;
            }
        }
        return null;
    }

    /**
     * Whether an everyday word of two or three letters stands inside a list of the menu's words:
     * after a list word or a menu word, and before a menu word or a list word.
     */
    private boolean inListSlot(String token, String[] tokens, int i, MenuIndex index) {
        if (token.length() < 2
                || token.length() > SpellIndex.MIN_LENGTH
                || !lexicon.everyday.contains(token)
                || lexicon.meansSomething(token)
                || lexicon.articles.contains(token)
                || index.isMenuWord(token)
                || i == 0) {
            return false;
        }
        boolean after = lexicon.listJoins.contains(tokens[i - 1])
                || lexicon.separators.longest(tokens, i - 1) != null && !lexicon.alternatives.contains(tokens[i - 1])
                || words.isMenuReading(tokens[i - 1], index);
        // ... and before a menu word, a list word, a refusal or the end ("tuna and am but hold ...")
        boolean before = i + 1 == tokens.length
                || lexicon.separators.longest(tokens, i + 1) != null
                || lexicon.qualifiers.longest(tokens, i + 1) != null
                || words.isMenuReading(tokens[i + 1], index);
        return after && before;
    }

    /** A one-letter list word ("n") or a letter that is no word, right before a menu word. */
    private boolean isShortAmbiguous(String token, String[] tokens, int i, MenuIndex index) {
        return token.length() == 1
                && Character.isLetter(token.charAt(0))
                && !lexicon.articles.contains(token)
                && lexicon.shortRefusals.contains(SHORT_REFUSAL)
                && SpellIndex.cost(token, SHORT_REFUSAL, SpellIndex.MISSING_LETTER) >= 0
                && i + 1 < tokens.length
                && words.namesFood(tokens[i + 1], index)
                && !words.namesOnlyItem(tokens, i + 1, index);
    }

    /** The token for a chosen reading: the lexicon's word, or the menu's when the menu index would not read it so. */
    private String written(String token, SentenceReadings.Reading reading, MenuIndex index) {
        return switch (reading.source()) {
            case AS_TYPED, KEPT -> token;
            case LEXICON, EVERYDAY -> reading.word();
            case MENU -> {
                if (lexicon.knownWords.contains(reading.word())) {
                    yield reading.word(); // "exxtra": extra, so the lexicons see it too
                }
                if (reading.word().equals(index.canonical(token))) {
                    yield token;
                }
                // keep what the typed word says of number: "pepprs" stays plural
                yield token.endsWith("s") && !reading.word().endsWith("s") ? reading.word() + "s" : reading.word();
            }
        };
    }
}
