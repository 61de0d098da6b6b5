package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Question;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a message does besides naming an order, read on top of the order reading: the language it
 * is in, pickup, the last order again, a question about the menu, or an edit of the cart. The
 * lines and open questions of the order reading are kept as they are, so an order reads the same.
 */
final class TurnReader {

    private final TurnLexicon words;
    private final LanguageReader language;
    private final QuestionReader questions;
    private final EditReader edits;
    private final EditClauses clauses;
    private final AnswerReader answers;
    private final NoSuchItem noSuchItem = new NoSuchItem();
    private final Alternatives alternatives;
    private final UnknownDish unknownDish;
    private final CountCorrection countCorrection;
    private final Multiples multiples;
    private final AgainReader again;
    private final OptionWordNames optionWords;
    private final LightVerbs lightVerbs;
    private final GroupRemovals groupRemovals;

    TurnReader(Lexicon lexicon) {
        this.words = new TurnLexicon(lexicon);
        References references = new References(words);
        this.language = new LanguageReader(words.hinglish);
        this.questions = new QuestionReader(words, references);
        this.unknownDish = new UnknownDish(words);
        this.edits = new EditReader(words, references);
        this.clauses = new EditClauses(words, edits, unknownDish);
        this.groupRemovals = new GroupRemovals(words, references);
        this.answers = new AnswerReader(words);
        this.alternatives = new Alternatives(words);
        this.countCorrection = new CountCorrection(words, references);
        this.multiples = new Multiples(words, references);
        this.again = new AgainReader(words, references);
        this.optionWords = new OptionWordNames(words);
        this.lightVerbs = new LightVerbs(lexicon);
    }

    /**
     * {@code tokens} are the message's words as written, {@code corrected} as the order reading
     * corrected them (lexicon words of other scripts romanised, misspelt ones mended): edits are read
     * from those, with a word still unknown that is one edit from an edit word ("chnage") read as it.
     */
    ParseResult read(
            String text,
            String[] tokens,
            String[] corrected,
            MenuIndex index,
            ParseResult order,
            Function<String[], ParseResult> orderOf) {
        // "ek aur naan daal do": the Hindi verb after the dish is read as the verb, so out of the line's words
        String[] roleWords = correctRoleWords(corrected, tokens, index);
        boolean[] verbs = lightVerbs.verbsIn(roleWords, index);
        String[] withoutVerbs = LightVerbs.without(roleWords, verbs);
        if (withoutVerbs != roleWords && words.find("REMOVE", withoutVerbs, 0, withoutVerbs.length) >= 0) {
            // "coke hatao aur ek mango lassi daalo": beside a removal the verb says its clause adds
            String[] added = LightVerbs.saidAs("add", roleWords, verbs);
            if (clauses.read(added, index, orderOf).isPresent()) {
                withoutVerbs = added;
            }
        }
        ParseResult turn = readTurn(
                text,
                roleWords.length == tokens.length ? LightVerbs.without(tokens, verbs) : tokens,
                withoutVerbs,
                index,
                order,
                orderOf);
        if (withoutVerbs != roleWords && turn.language() == null) {
            turn = turn.inLanguage("hi"); // the verb is Hindi, though no other word may be
        }
        return turn.answering(answers.read(text, tokens));
    }

    /** "takeaway please", "ok pickup": the words without the fillers at either end. */
    private List<String> withoutFillerEdges(String[] tokens) {
        int from = 0;
        int to = tokens.length;
        while (from < to && (words.lexicon.fillers.contains(tokens[from]) || tokens[from].equals(","))) {
            from++;
        }
        while (to > from && (words.lexicon.fillers.contains(tokens[to - 1]) || tokens[to - 1].equals(","))) {
            to--;
        }
        return List.of(tokens).subList(from, to);
    }

    /**
     * "that's everything, I'll pick it up": what is said after "nothing more", as it stands and
     * without the fillers at its edges, as checkout is read after it; none when it does not start so.
     */
    private List<List<String>> afterNothingMore(String[] tokens) {
        var done = words.lexicon.intents.get(Intent.CART).longest(tokens, 0);
        int from = done == null ? tokens.length : done.length();
        while (from < tokens.length && tokens[from].equals(",")) {
            from++;
        }
        if (done == null || from >= tokens.length) {
            return List.of();
        }
        String[] rest = List.of(tokens).subList(from, tokens.length).toArray(String[]::new);
        return List.of(List.of(rest), withoutFillerEdges(rest));
    }

    /** What a message answers to "which of these lines", the lines offered in the order shown. */
    io.tiffin.nlu.LineChoice whichOf(String text, String[] tokens, List<ParseResult.Line> offered, MenuIndex index) {
        return answers.whichOf(text, tokens, offered, index);
    }

    private ParseResult readTurn(
            String text,
            String[] tokens,
            String[] corrected,
            MenuIndex index,
            ParseResult order,
            Function<String[], ParseResult> orderOf) {
        String lang = language.of(text, tokens);
        if (tokens.length == 0) {
            return order.inLanguage(lang);
        }
        if (words.pickup.contains(List.of(tokens))
                || words.pickup.contains(withoutFillerEdges(tokens))
                || afterNothingMore(tokens).stream().anyMatch(words.pickup::contains)) {
            return order.about(Intent.PICKUP, null, null, lang);
        }
        if (words.delivery.contains(List.of(tokens)) || words.delivery.contains(withoutFillerEdges(tokens))) {
            return order.about(Intent.DELIVERY, null, null, lang);
        }
        if (order.lines().isEmpty() && words.repeat.occursIn(tokens)) {
            return order.about(Intent.REPEAT, null, null, lang);
        }
        Optional<Question> question = questions.read(text, tokens, index, orderOf);
        // "what do you have" asks for the menu: the menu answers it
        boolean wholeMenu = question.isPresent()
                && question.get().subject().span().isBlank()
                && question.get().tag() == null;
        if (question.isPresent() && !(wholeMenu && order.intent() == Intent.MENU)) {
            return order.about(Intent.QUESTION, null, question.get(), lang);
        }
        // "cancel the drinks", "remove everything except the naan": every line of a group, or all but some
        Optional<EditReader.Reading> group = groupRemovals.read(corrected, index, orderOf);
        if (group.isPresent()) {
            return order.about(group.get().intent(), group.get().edit(), null, lang);
        }
        EditReader.Reading recount = countCorrection.read(corrected, order, index, orderOf);
        if (recount != null) {
            return order.about(recount.intent(), recount.edit(), null, lang);
        }
        // "double the naan", "another round of the same": a count only the cart can give
        EditReader.Reading multiplied = multiples.read(corrected, order, index, orderOf);
        if (multiplied != null) {
            return order.about(multiplied.intent(), multiplied.edit(), null, lang);
        }
        // "the other one too", "same for the diet coke": the last edit again
        EditReader.Reading repeated = again.read(corrected, order, index, orderOf);
        if (repeated != null) {
            return order.about(repeated.intent(), repeated.edit(), null, lang);
        }
        Optional<List<ParseResult>> parts = clauses.read(corrected, index, orderOf);
        if (parts.isPresent()) {
            ParseResult first = parts.get().get(0);
            return order.about(first.intent(), first.edit(), null, lang).inParts(parts.get());
        }
        Optional<EditReader.Reading> edit = edits.read(corrected, order, index, orderOf);
        if (edit.isPresent()) {
            return order.about(edit.get().intent(), edit.get().edit(), null, lang);
        }
        ParseResult.Edit instead = insteadOfLast(corrected, order);
        if (instead != null) {
            return order.about(Intent.CHANGE, instead, null, lang);
        }
        ParseResult read = optionWords.check(
                tokens, unknownDish.check(tokens, noSuchItem.check(tokens, order, index), index), index);
        // "a coke or a sprite, whichever": one of them, the customer's pick
        return alternatives.check(corrected, read, index, orderOf).inLanguage(lang);
    }

    /**
     * "oat milk instead", "swiss instead please": a new choice for the line spoken of last, said with
     * no dish and no verb. Null when the words order something or do not end so.
     */
    private ParseResult.Edit insteadOfLast(String[] t, ParseResult order) {
        int to = t.length;
        while (to > 0 && words.is("CLOSER", t[to - 1]) && !words.is("INSTEAD_LAST", t[to - 1])) {
            to--;
        }
        if (to < 2
                || !words.is("INSTEAD_LAST", t[to - 1])
                || !order.lines().isEmpty()
                || !order.unresolved().isEmpty()) {
            return null;
        }
        int from = 0;
        while (from < to - 1 && words.is("OPENER", t[from])) {
            from++;
        }
        List<String> value = List.of(t).subList(from, to - 1);
        return value.isEmpty()
                ? null
                : new ParseResult.Edit(List.of(ParseResult.Reference.LAST), null, null, value, false);
    }

    private String[] correctRoleWords(String[] tokens, String[] written, MenuIndex index) {
        String[] out = tokens.clone();
        for (int i = 0; i < out.length; i++) {
            String token = out[i];
            if (written.length == out.length
                    && !written[i].equals(token)
                    && words.hasOwn(written[i])
                    && !romanisedAs(written[i], token)) {
                out[i] = written[i]; // "karo" is an edit word as written, not a misspelt "kar"
                continue;
            }
            if (ScriptKeys.isOtherScript(token)) {
                // "को", "कर दो": edit words of another script, as the lexicons spell them in Latin letters;
                // one the menu only sounds like ("जगह" of "की जगह") is the edit word, not a dish
                String latin = ScriptKeys.latin(token);
                if (words.knows(latin) && (index.canonical(token) == null || !index.isMenuWord(latin))) {
                    out[i] = latin;
                }
                continue;
            }
            if (written.length == out.length && !words.knows(written[i]) && !ScriptKeys.isOtherScript(written[i])) {
                token = written[i]; // an edit word misspelt may have been bent into another word of the order lexicons
            }
            // "cokes" is the menu's coke twice, not a misspelt "comes"
            if (token.length() >= 4
                    && !words.knows(token)
                    && !token.equals(index.canonical(token))
                    && !index.isMenuWord(token)
                    && !ScriptKeys.isOtherScript(token)) {
                SpellIndex.Match match = words.spelling.closest(token);
                // one slip and no other word as near; four letters: only a swap or a wrong key ("swpa")
                // a word the menu could also mean misspelt ("chnage", near "chana") takes only a swap or a wrong key
                double allowed = index.canonical(token) == null ? 1.0 : 0.5;
                if (match != null
                        && match.cost() <= allowed
                        && match.rivals() == 0
                        && (token.length() > 4 || match.word().length() == 4)) {
                    out[i] = match.word();
                }
            }
        }
        return out;
    }

    /** "की" read as "ki": a word of another script the order reading romanised stays romanised for edits too. */
    private static boolean romanisedAs(String written, String token) {
        return ScriptKeys.isOtherScript(written) && ScriptKeys.latin(written).equals(token);
    }
}
