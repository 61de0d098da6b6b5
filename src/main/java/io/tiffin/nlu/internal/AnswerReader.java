package io.tiffin.nlu.internal;

import io.tiffin.nlu.LineChoice;
import io.tiffin.nlu.ParseResult.Answer;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a whole message would answer to a question with choices (how to pay, an email for receipts):
 * a way to pay ("cash", "COD", "pay online", "upi se", "नकद"), the number of a choice ("2", "the
 * second one"), a skip ("no thanks"), or an email address. Words from {@code answers.txt}; the
 * message must be the answer and nothing more, so "cash" inside an order answers nothing.
 */
final class AnswerReader {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[a-zA-Z]{2,24}");
    private static final int MAX_EMAIL = 200;

    private final TurnLexicon words;
    private final PhraseTable<String> answers = new PhraseTable<>();
    private final java.util.Set<String> around = new java.util.HashSet<>();

    AnswerReader(TurnLexicon words) {
        this.words = words;
        for (String line : Lexicon.lines(AnswerReader.class.getClassLoader(), "answers.txt")) {
            int eq = line.lastIndexOf('=');
            String role = line.substring(eq + 1).strip();
            String[] phrase = words.lexicon.normalizer.tokens(line.substring(0, eq));
            if (role.equals("AROUND")) {
                around.addAll(List.of(phrase));
            } else {
                answers.put(phrase, role);
            }
        }
    }

    /** The answer the message gives, or null when it is no answer. */
    Answer read(String text, String[] tokens) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() <= MAX_EMAIL && EMAIL.matcher(stripped).matches()) {
            return new Answer(null, null, false, stripped.toLowerCase(Locale.ROOT));
        }
        String[] said = tokens.length <= 1 ? tokens : without(tokens);
        if (said.length == 0) {
            return null;
        }
        var phrase = answers.longest(said, 0);
        if (phrase != null && phrase.length() == said.length) {
            return switch (phrase.value()) {
                case "CASH" -> new Answer(Payment.CASH, null, false, null);
                case "ONLINE" -> new Answer(Payment.ONLINE, null, false, null);
                case "ALL" -> null; // "both" picks lines, not a way to pay
                default -> new Answer(null, null, true, null);
            };
        }
        var count = words.count(said, 0, said.length);
        if (count == null) {
            count = said[0].equals("one") && said.length == 1 ? new PhraseTable.Match<>(1, 1) : null;
        }
        var ordinal = words.ordinals.longest(said, 0);
        List<String> rest = new ArrayList<>(List.of(said));
        if (count != null && count.length() == said.length) {
            return new Answer(null, count.value(), false, null);
        }
        if (ordinal != null && ordinal.value() > 0 && onlyPronounsAfter(rest, ordinal.length())) {
            return new Answer(null, ordinal.value(), false, null);
        }
        return null;
    }

    /**
     * What a message answers to "which of these lines", the lines {@code offered} in the order shown:
     * a number or an ordinal of the lines ("2", "the second one", "pehla wala", "the last"), all or
     * none of them ({@code ALL} / {@code NONE} / {@code SKIP} of {@code answers.txt}: "both", "dono",
     * "neither", "never mind", "rehne do"), or menu words only one of the lines has ("the mango one",
     * "mango wala", "the large one", "the 20 oz one"). Any other word of the lexicons ("add", "remove") or of the menu
     * makes it no answer: "add a mango lassi" or "a coke" is a message of its own.
     */
    LineChoice whichOf(String text, String[] tokens, List<Line> offered, MenuIndex index) {
        if (offered.size() < 2 || tokens.length == 0 || tokens.length > MAX_CHOICE_WORDS) {
            return LineChoice.NOT_AN_ANSWER;
        }
        String[] said = without(romanised(tokens));
        if (said.length == 0) {
            return LineChoice.NOT_AN_ANSWER;
        }
        List<Set<String>> lineWords = offered.stream()
                .map(l -> index.wordsOf(l.itemId(), l.options(), words.lexicon.normalizer))
                .toList();
        boolean all = false;
        boolean none = false;
        Integer position = null;
        Integer count = null;
        List<String> content = new ArrayList<>();
        for (int k = 0; k < said.length; k++) {
            var role = answers.longest(said, k);
            if (role != null && !role.value().equals("CASH") && !role.value().equals("ONLINE")) {
                all |= role.value().equals("ALL");
                none |= !role.value().equals("ALL");
                k += role.length() - 1;
                continue;
            }
            int every = words.at("EVERY", said, k);
            if (every > 0) {
                all = true;
                k += every - 1;
                continue;
            }
            String token = said[k];
            var ordinal = words.ordinals.longest(said, k);
            if (ordinal != null) {
                position = ordinal.value();
                k += ordinal.length() - 1;
                continue;
            }
            if (token.matches("\\d{1,2}") && k + 1 < said.length && said[k + 1].matches("st|nd|rd|th")) {
                position = Integer.valueOf(token); // "the 2nd one"
                k++;
                continue;
            }
            if (words.is("DETERMINER", token) || words.is("PRONOUN", token) || words.lexicon.fillers.contains(token)) {
                continue;
            }
            Measure.At measure = Measure.at(words.lexicon, said, k);
            if (measure != null) {
                content.addAll(List.of(measure.measure().tokens())); // "the 20 oz one", "the twenty ounce"
                k += measure.length() - 1;
                continue;
            }
            var number = words.count(said, k, said.length);
            if (number != null) {
                count = number.value();
                k += number.length() - 1;
                continue;
            }
            String word = lineWord(token, lineWords, index);
            if (word == null) {
                return LineChoice.NOT_AN_ANSWER; // a word of its own: "add", "coke"
            }
            content.add(word);
        }
        if (none && (all || position != null || count != null || !content.isEmpty())) {
            return LineChoice.NOT_AN_ANSWER; // "no, the mango one" or "not the mango": say it again, plainly
        }
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            if (lineWords.get(i).containsAll(content)) {
                fitting.add(i);
            }
        }
        if (count != null) {
            // "2" alone is the second line shown; "2 mango lassi" orders
            return content.isEmpty() && !all && position == null && count >= 1 && count <= offered.size()
                    ? LineChoice.of(List.of(count - 1))
                    : LineChoice.NOT_AN_ANSWER;
        }
        if (position != null) {
            int at = position < 0 ? fitting.size() + position : position - 1;
            return at >= 0 && at < fitting.size() ? LineChoice.of(List.of(fitting.get(at))) : LineChoice.NOT_AN_ANSWER;
        }
        if (all) {
            return fitting.isEmpty() ? LineChoice.NOT_AN_ANSWER : LineChoice.of(fitting);
        }
        if (!content.isEmpty()) {
            // "mango" picks the one line with it; "lassi", which both have, picks none
            return fitting.size() == 1 ? LineChoice.of(fitting) : LineChoice.NOT_AN_ANSWER;
        }
        return none ? LineChoice.NONE : LineChoice.NOT_AN_ANSWER;
    }

    /** Longer than this, a message is a request of its own, not an answer to "which one". */
    private static final int MAX_CHOICE_WORDS = 8;

    /** The word as a word of one of the lines (as written, misspelt or in another script), or null. */
    private String lineWord(String token, List<Set<String>> lineWords, MenuIndex index) {
        String singular = TextNormalizer.singular(token);
        for (Set<String> own : lineWords) {
            if (own.contains(token) || own.contains(singular)) {
                return own.contains(token) ? token : singular;
            }
        }
        if (words.knows(token)) {
            return null; // a word of the lexicons is never bent into a menu word
        }
        String canonical = index.canonical(token);
        return canonical != null && lineWords.stream().anyMatch(w -> w.contains(canonical)) ? canonical : null;
    }

    /** Words of another script that the lexicons spell in Latin letters ("दोनों" is "dono"). */
    private String[] romanised(String[] tokens) {
        String[] out = tokens.clone();
        for (int i = 0; i < out.length; i++) {
            if (ScriptKeys.isOtherScript(out[i]) && answers.longest(out, i) == null) {
                String latin = ScriptKeys.latin(out[i]);
                if (words.knows(latin) || answers.longest(new String[] {latin}, 0) != null) {
                    out[i] = latin;
                }
            }
        }
        return out;
    }

    private boolean onlyPronounsAfter(List<String> said, int from) {
        return said.subList(from, said.size()).stream()
                .allMatch(w -> words.is("PRONOUN", w) || words.is("DETERMINER", w));
    }

    private String[] without(String[] tokens) {
        List<String> kept = new ArrayList<>();
        for (String token : tokens) {
            if (!around.contains(token)) {
                kept.add(token);
            }
        }
        return kept.toArray(String[]::new);
    }
}
