package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Answer;
import io.tiffin.nlu.ParseResult.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
