package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Qualifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The menu-independent words of the parser, read once from {@code nlu-models/lexicons/} on the
 * classpath so they can be extended without touching Java.
 */
final class Lexicon {

    static final String LOCATION = "nlu-models/lexicons/";

    final TextNormalizer normalizer;
    final PhraseTable<Integer> numbers = new PhraseTable<>();
    final PhraseTable<Qualifier> qualifiers = new PhraseTable<>();
    final PhraseTable<Boolean> separators = new PhraseTable<>();
    final Set<String> fillers;
    final Set<String> quantityGlue;
    /** Separators of alternatives ("or"): a negation before the first reaches the rest. */
    final Set<String> alternatives;
    /** Number words that may be only an article ("a", "an"), never "one". */
    final Set<String> articles;

    final Map<Intent, PhraseTable<Boolean>> intents = new EnumMap<>(Intent.class);
    /** Every word any lexicon knows: such words are never bent by fuzzy matching into menu words. */
    final Set<String> knownWords = new HashSet<>();
    /** The known words that mean something (not only everyday chatter): what a misspelt word may be read as. */
    final Set<String> meaningful;
    /** Everyday words that mean nothing to an order ("the", "like"): a typo may be read as one, to keep it off the menu. */
    final Set<String> everyday;
    /** Refusal words of two letters ("no"): a typo of one is only read right before a menu word. */
    final Set<String> shortRefusals;
    /** Refusal phrases of the qualifiers ("no", "hold the", "do not add any"), to restore one whose word a typo took. */
    final List<String[]> refusalPhrases = new java.util.ArrayList<>();
    /** Single words that stand where a refusal could: list words, articles, counts, other qualifiers ("and", "a", "two", "extra"). */
    final Set<String> refusalRivals = new HashSet<>();
    /** Number words of one word that count two or more ("two", "four", "teen"), to restore one a typo took. */
    final Set<String> pluralCounts = new HashSet<>();
    /** Words that order without naming a dish ("ok add one"): such a message confirms nothing. */
    final PhraseTable<Boolean> orderedUnnamed = new PhraseTable<>();
    /** Fillers that may open a note for the kitchen ("well done"). */
    final Set<String> noteStarts;
    /** Words after an option that refuse it ("onion free", "pyaaz nahi"). */
    final Set<String> negatedAfter;
    /** Separators that join a list ("and", ","): a negation reaches the bare option after one. */
    final Set<String> listJoins;
    /** Words that spread the options after them over every line before ("both", "each"). */
    final Set<String> distributive;
    /** Words after which a refusal no longer reaches what follows ("no beans just lettuce"). */
    final Set<String> refusalEnds;
    /** Words before a distributive word that point back at the options just said ("on both"). */
    final Set<String> distributiveAfter;
    /** What a dish is served on ("bread", "wrap"): the words naming one are no dish or topping. */
    final Set<String> breads;
    /** Words after a count that make it a part of the line before ("two of them"). */
    final PhraseTable<Boolean> partitive = new PhraseTable<>();
    /** Words that count one more line before a menu word ("another small thin crust"). */
    final Set<String> another;
    /** What is left of a line a count split ("the other", "the rest"). */
    final PhraseTable<Boolean> restOfLine = new PhraseTable<>();
    /** Ordinals naming one part of a counted line ("two pizzas, the first with ham"). */
    final PhraseTable<Boolean> countedOrdinals = new PhraseTable<>();
    /** What puts options on a part of a counted line ("ham on one, olives on another"): PLACE, PART or NONE. */
    final PhraseTable<String> partsPlaced = new PhraseTable<>();
    /** Words that open a change to a dish said earlier in the message ("make the fries large"). */
    final PhraseTable<Boolean> makeThe;
    /** Phrases whose pronoun stands for the only dish said ("could you do it on thin crust"). */
    final PhraseTable<Boolean> itStandsFor;
    /** Words before a dish said earlier that point back at it ("the hot chocolate large", "on my pizza"). */
    final Set<String> pointedBack;
    /** Words that order another of the line just said ("same thing but steak"). */
    final Set<String> sameAgain;
    /** Phrases closing a line of one that make it one per person ("a gatorade each"). */
    final Set<String> perPerson;
    /** The temperature a drink has when nothing is said ("one hot one iced"). */
    final Set<String> plainTemperatures;
    /** Everyday nouns for a kind of dish the menu may not use ("sub", "hoagie"). */
    final Set<String> dishNouns;
    /** Names of breads said without the word "bread" ("on honey oat"). */
    final PhraseTable<Boolean> breadNames = new PhraseTable<>();
    /** Words that open a bread's name ("on", "in"). */
    final Set<String> breadsBefore;
    /** Hindi words in Latin letters read as counts ("teen", "bees"): a typo is read as one only in a message with Hindi. */
    final Set<String> hindiOnly;
    /** Words after which a verb stands ("i", "we", "would"): a misspelt word there is the request's verb. */
    final Set<String> beforeVerb;
    /** Words that count what follows them ("double" espresso: two shots), to the count. */
    final PhraseTable<Integer> multipliers = new PhraseTable<>();
    /** Words that take back what was just said and say it again ("no wait", "i mean", "make that"). */
    final PhraseTable<Boolean> corrections;
    /** Words a speaker restarts with that also mean something alone ("no", "sorry"), from {@code restarts.txt}. */
    final PhraseTable<Boolean> restarts;
    /** How a dish is cooked, in words a menu may sell as a size ("medium well"), from {@code doneness.txt}. */
    final PhraseTable<Boolean> doneness = new PhraseTable<>();

    /** Each doneness phrase as the one word it is read as, back to the words the customer said. */
    final Map<String, String> donenessSaid = new HashMap<>();
    /** Short forms read only inside a menu name they complete ("steak n cheese"), to their words. */
    final Map<String, String[]> shorthandInNames = new HashMap<>();
    /** Ways of saying "every topping" ("the lot", "the works", "everything"), in the file's order. */
    final PhraseTable<Boolean> everything = new PhraseTable<>();

    final List<String[]> everythingPhrases = new ArrayList<>();
    /** Words that take back one thing said earlier in the message ("scratch the cookie"). */
    final PhraseTable<Boolean> takeBack = new PhraseTable<>();
    /** The same kind for each, said between a count and a dish ("of the same"). */
    final PhraseTable<Boolean> sameKind;
    /** How an option is served, said right after it ("on the side"). */
    final PhraseTable<Boolean> servedAside;
    /** How much of an option, said after a count ("pumps of", "a splash of"). */
    final PhraseTable<Boolean> optionMeasures = new PhraseTable<>();
    /** Words that put one option in the place of another ("instead of", "swap"), to AFTER or BEFORE. */
    final PhraseTable<String> swaps = new PhraseTable<>();
    /** The other roles of {@code swaps.txt} (TO, SKIP, REFUSE, END, JOIN), each to its words. */
    final Map<String, List<String>> swapWords = new HashMap<>();
    /** Words of a question followed by an order ("do you have X? if so a latte with it"), to their role. */
    final PhraseTable<String> askedThen = new PhraseTable<>();
    /** The number words of one word for each value ("two" for 2), in the order the file lists them. */
    final Map<Integer, List<String>> numberWords = new HashMap<>();
    /** The sign of a count typed as a multiplication ("x" of "lattes x2"). */
    final Set<String> times;
    /** Short forms people type ("lg", "pepp"), to the words they stand for. */
    final Map<String, String[]> shorthand = new HashMap<>();
    /** The first distributive word ("both"), said for a pick after a list of one each to reach every member. */
    final String spreadWord;
    /** Phrases that give one of each member of the list after them ("one each of"). */
    final PhraseTable<Boolean> oneEach;
    /** Spellings of the unit of a measure said after a number ("ounce", "oz"), to the unit. */
    final PhraseTable<String> units = new PhraseTable<>();

    private Lexicon(ClassLoader loader) {
        Map<String, String> emoji = new HashMap<>();
        for (String file : List.of("emoji.txt", "symbols.txt")) {
            for (String line : lines(loader, file)) {
                String[] pair = pair(line, file);
                emoji.put(pair[0], pair[1]);
            }
        }
        normalizer = new TextNormalizer(emoji);
        for (String line : lines(loader, "numbers.txt")) {
            String[] pair = pair(line, "numbers.txt");
            numbers.put(words(pair[0]), Integer.valueOf(pair[1]));
        }
        for (String line : lines(loader, "qualifiers.txt")) {
            String[] pair = pair(line, "qualifiers.txt");
            Qualifier qualifier = Qualifier.valueOf(pair[1].toUpperCase(Locale.ROOT));
            qualifiers.put(words(pair[0]), qualifier);
            String[] phrase = words(pair[0]);
            if (qualifier == Qualifier.NO) {
                refusalPhrases.add(phrase);
            } else if (phrase.length == 1) {
                refusalRivals.add(phrase[0]);
            }
        }
        for (String line : lines(loader, "separators.txt")) {
            separators.put(words(line), true);
            if (words(line).length == 1) {
                refusalRivals.add(words(line)[0]);
            }
        }
        for (String line : lines(loader, "numbers.txt")) {
            String[] pair = pair(line, "numbers.txt");
            String[] number = words(pair[0]);
            if (number.length == 1) {
                refusalRivals.add(number[0]);
                if (number[0].chars().allMatch(Character::isLetter)) {
                    numberWords
                            .computeIfAbsent(Integer.valueOf(pair[1]), v -> new ArrayList<>())
                            .add(number[0]);
                }
                if (Integer.parseInt(pair[1]) >= 2 && number[0].chars().allMatch(Character::isLetter)) {
                    pluralCounts.add(number[0]);
                }
            }
        }
        // distributive words ("both") carry no item: they are read as fillers the assembler also knows
        fillers = Set.copyOf(java.util.stream.Stream.concat(
                        lines(loader, "fillers.txt").stream(), lines(loader, "distributive.txt").stream())
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        quantityGlue = Set.copyOf(lines(loader, "quantity-glue.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        alternatives = Set.copyOf(lines(loader, "separators-alternative.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        articles = Set.copyOf(lines(loader, "articles.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        refusalRivals.addAll(articles);
        lines(loader, "ordered-unnamed.txt").forEach(l -> orderedUnnamed.put(words(l), true));
        noteStarts = Set.copyOf(lines(loader, "note-starts.txt").stream()
                .flatMap(l -> List.of(normalizer.tokens(l)).stream())
                .toList());
        negatedAfter = Set.copyOf(lines(loader, "negation-after.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        listJoins = Set.copyOf(lines(loader, "separators-list.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        spreadWord = lines(loader, "distributive.txt").getFirst();
        distributive = Set.copyOf(lines(loader, "distributive.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        // words of structure only: known (never bent into a menu word) but never what a typo is read as
        refusalEnds = Set.copyOf(lines(loader, "refusal-ends.txt").stream()
                .flatMap(l -> List.of(normalizer.tokens(l)).stream())
                .toList());
        distributiveAfter = Set.copyOf(lines(loader, "distributive-after.txt").stream()
                .flatMap(l -> List.of(normalizer.tokens(l)).stream())
                .toList());
        sameAgain = Set.copyOf(lines(loader, "same-again.txt").stream()
                .map(l -> String.join(" ", normalizer.tokens(l)))
                .toList());
        perPerson = Set.copyOf(lines(loader, "per-person.txt").stream()
                .map(l -> String.join(" ", normalizer.tokens(l)))
                .toList());
        plainTemperatures = Set.copyOf(lines(loader, "plain-temperatures.txt"));
        dishNouns = Set.copyOf(lines(loader, "dish-nouns.txt").stream()
                .flatMap(l -> List.of(normalizer.tokens(l)).stream())
                .toList());
        another = Set.copyOf(lines(loader, "another.txt").stream()
                .flatMap(l -> List.of(normalizer.tokens(l)).stream())
                .toList());
        Set<String> structureOnly = new HashSet<>(refusalEnds);
        for (String line : lines(loader, "partitive.txt")) {
            String[] words = normalizer.tokens(line);
            partitive.put(words, true);
            structureOnly.addAll(List.of(words));
        }
        structureOnly.addAll(another);
        for (String line : lines(loader, "rest-of-line.txt")) {
            String[] rest = normalizer.tokens(line);
            restOfLine.put(rest, true);
            structureOnly.addAll(List.of(rest));
        }
        for (String line : lines(loader, "counted-ordinals.txt")) {
            String[] words = normalizer.tokens(line);
            countedOrdinals.put(words, true);
            structureOnly.addAll(List.of(words));
        }
        for (String line : lines(loader, "parts-placed.txt")) {
            String[] pair = pair(line, "parts-placed.txt");
            partsPlaced.put(normalizer.tokens(pair[0]), pair[1]);
        }
        pointedBack = Set.copyOf(lines(loader, "pointed-back.txt"));
        makeThe = PhraseTable.phrases(loader, "make-the.txt", normalizer);
        itStandsFor = PhraseTable.phrases(loader, "it-stands-for.txt", normalizer);
        structureOnly.addAll(dishNouns);
        structureOnly.addAll(lines(loader, "placed-on.txt")); // "onto" is never bent into "onions"
        for (String line : lines(loader, "shorthand-in-names.txt")) {
            String[] pair = pair(line, "shorthand-in-names.txt");
            shorthandInNames.put(pair[0].strip(), normalizer.tokens(pair[1]));
        }
        for (String line : lines(loader, "everything.txt")) {
            String[] words = normalizer.tokens(line);
            everything.put(words, true);
            everythingPhrases.add(words);
            structureOnly.addAll(List.of(words));
        }
        for (String line : lines(loader, "take-back.txt")) {
            String[] words = normalizer.tokens(line);
            takeBack.put(words, true);
            structureOnly.addAll(List.of(words));
        }
        sameAgain.forEach(phrase -> structureOnly.addAll(List.of(phrase.split(" "))));
        perPerson.forEach(phrase -> structureOnly.addAll(List.of(phrase.split(" "))));
        for (String line : lines(loader, "bread-names.txt")) {
            String[] name = normalizer.tokens(line);
            breadNames.put(name, true);
            structureOnly.addAll(List.of(name));
        }
        for (String line : lines(loader, "multipliers.txt")) {
            String[] pair = pair(line, "multipliers.txt");
            String[] word = normalizer.tokens(pair[0]);
            multipliers.put(word, Integer.valueOf(pair[1].strip()));
            structureOnly.addAll(List.of(word));
        }
        for (String line : lines(loader, "units.txt")) {
            String[] pair = pair(line, "units.txt");
            String[] spelling = normalizer.tokens(pair[0]);
            units.put(spelling, pair[1].strip());
            structureOnly.addAll(List.of(spelling));
        }
        times = Set.copyOf(lines(loader, "times.txt").stream()
                .flatMap(l -> List.of(normalizer.tokens(l)).stream())
                .toList());
        sameKind = PhraseTable.phrases(loader, "same-kind.txt", normalizer);
        servedAside = PhraseTable.phrases(loader, "served-aside.txt", normalizer);
        for (String line : lines(loader, "option-measures.txt")) {
            String[] words = normalizer.tokens(line);
            optionMeasures.put(words, true);
        }
        for (String line : lines(loader, "swaps.txt")) {
            String[] pair = pair(line, "swaps.txt");
            if (pair[1].equals("AFTER") || pair[1].equals("BEFORE")) {
                swaps.put(normalizer.tokens(pair[0]), pair[1]);
            } else {
                swapWords.computeIfAbsent(pair[1], r -> new ArrayList<>()).add(pair[0]);
            }
        }
        for (String line : lines(loader, "asked-then.txt")) {
            String[] pair = pair(line, "asked-then.txt");
            askedThen.put(normalizer.tokens(pair[0]), pair[1]);
        }
        corrections = PhraseTable.phrases(loader, "corrections.txt", normalizer);
        restarts = PhraseTable.phrases(loader, "restarts.txt", normalizer);
        for (String line : lines(loader, "doneness.txt")) {
            String[] words = normalizer.tokens(line);
            doneness.put(words, true);
            donenessSaid.put(String.join("", words), String.join(" ", words));
        }
        for (String line : lines(loader, "shorthand.txt")) {
            String[] pair = pair(line, "shorthand.txt");
            shorthand.put(pair[0], normalizer.tokens(pair[1]));
        }
        // words of other Englishes for the same food ("crisps", "chips" for fries): read as short forms are
        for (String line : lines(loader, "other-englishes.txt")) {
            String[] pair = pair(line, "other-englishes.txt");
            shorthand.put(pair[0], normalizer.tokens(pair[1]));
        }
        oneEach = PhraseTable.phrases(loader, "one-each.txt", normalizer);
        breads = Set.copyOf(lines(loader, "breads.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        breadsBefore = Set.copyOf(lines(loader, "breads-before.txt").stream()
                .flatMap(l -> List.of(words(l)).stream())
                .toList());
        // everyday chatter: known (never corrected into a menu word) but meaning nothing, so never
        // what a misspelt word is read as ("tow" is two, not town)
        Set<String> everyday = new HashSet<>();
        lines(loader, "everyday.txt").forEach(line -> everyday.addAll(List.of(normalizer.tokens(line))));
        knownWords.addAll(fillers);
        knownWords.addAll(quantityGlue);
        for (Intent intent : List.of(
                Intent.CONFIRM,
                Intent.CANCEL,
                Intent.REMOVE,
                Intent.STATUS,
                Intent.MENU,
                Intent.GREETING,
                Intent.HELP,
                Intent.CART)) {
            var table = new PhraseTable<Boolean>();
            for (String line : lines(loader, "intent-" + intent.name().toLowerCase(Locale.ROOT) + ".txt")) {
                table.put(words(line), true);
            }
            intents.put(intent, table);
        }
        // what a word of another lexicon is may be read from a typo; an everyday word only stays itself
        meaningful = Set.copyOf(knownWords);
        knownWords.addAll(everyday);
        knownWords.addAll(structureOnly);
        this.everyday = Set.copyOf(everyday);
        Set<String> refusals = new HashSet<>();
        for (String line : lines(loader, "qualifiers.txt")) {
            String[] pair = pair(line, "qualifiers.txt");
            String[] tokens = normalizer.tokens(pair[0]);
            if (tokens.length == 1 && tokens[0].length() == 2 && pair[1].equalsIgnoreCase("no")) {
                refusals.add(tokens[0]);
            }
        }
        shortRefusals = Set.copyOf(refusals);
        hindiOnly = Set.copyOf(lines(loader, "hindi-only.txt"));
        beforeVerb = Set.copyOf(lines(loader, "before-verb.txt"));
        hindiMarkers =
                Set.copyOf(java.util.stream.Stream.concat(hindiOnly.stream(), lines(loader, "hinglish.txt").stream())
                        .filter(w -> !everyday.contains(w))
                        .toList());
    }

    /** Words that show a message has Hindi in it, typed as they are ("teen", "aur"; not "do", also English). */
    private final Set<String> hindiMarkers;

    /** Whether a message has a Hindi word in Latin letters as typed, so a typo may be read as one. */
    boolean writesHindi(String[] tokens) {
        for (String token : tokens) {
            if (hindiMarkers.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word changes what an order says: a number, qualifier, separator, or a refusal after an option. */
    boolean meansSomething(String word) {
        String[] one = {word};
        return numbers.longest(one, 0) != null
                || qualifiers.longest(one, 0) != null
                || separators.longest(one, 0) != null
                || negatedAfter.contains(word)
                || distributive.contains(word);
    }

    private static final String[] INFLECTIONS = {"ing", "ed", "es", "s", "er", "ly"};

    /**
     * Whether a word is a lexicon word or one of them with an everyday ending ("wanted", "ordering"):
     * such a word is language, not a misspelling.
     */
    boolean knows(String word) {
        if (knownWords.contains(word)) {
            return true;
        }
        for (String ending : INFLECTIONS) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
                String stem = word.substring(0, word.length() - ending.length());
                // English endings on English words: "chees" is not the Hinglish "che" plus "es"
                boolean number = numbers.longest(new String[] {stem}, 0) != null;
                if (!number && (knownWords.contains(stem) || knownWords.contains(stem + "e"))) {
                    return true;
                }
            }
        }
        return false;
    }

    static Lexicon fromClasspath() {
        return new Lexicon(Lexicon.class.getClassLoader());
    }

    private String[] words(String phrase) {
        String[] tokens = normalizer.tokens(phrase);
        knownWords.addAll(List.of(tokens));
        return tokens;
    }

    private static String[] pair(String line, String file) {
        int eq = line.lastIndexOf('=');
        if (eq <= 0) {
            throw new IllegalStateException(LOCATION + file + ": expected 'phrase = value' but got '" + line + "'");
        }
        return new String[] {
            line.substring(0, eq).trim(), line.substring(eq + 1).trim()
        };
    }

    static List<String> lines(ClassLoader loader, String file) {
        try (InputStream in = loader.getResourceAsStream(LOCATION + file)) {
            if (in == null) {
                throw new IllegalStateException("lexicon missing from the classpath: " + LOCATION + file);
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
