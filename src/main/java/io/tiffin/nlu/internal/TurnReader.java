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
    private final NoSuchItem noSuchItem = new NoSuchItem();

    TurnReader(Lexicon lexicon) {
        this.words = new TurnLexicon(lexicon);
        References references = new References(words);
        this.language = new LanguageReader(words.hinglish);
        this.questions = new QuestionReader(words, references);
        this.edits = new EditReader(words, references);
    }

    ParseResult read(String text, String[] tokens, MenuIndex index, ParseResult order,
            Function<String[], ParseResult> orderOf) {
        String lang = language.of(text, tokens);
        if (tokens.length == 0) {
            return order.inLanguage(lang);
        }
        if (words.pickup.contains(List.of(tokens))) {
            return order.about(Intent.PICKUP, null, null, lang);
        }
        if (order.lines().isEmpty() && words.repeat.occursIn(tokens)) {
            return order.about(Intent.REPEAT, null, null, lang);
        }
        Optional<Question> question = questions.read(text, tokens, index, orderOf);
        // "what do you have" asks for the menu: the menu answers it
        boolean wholeMenu = question.isPresent() && question.get().subject().span().isBlank() && question.get().tag() == null;
        if (question.isPresent() && !(wholeMenu && order.intent() == Intent.MENU)) {
            return order.about(Intent.QUESTION, null, question.get(), lang);
        }
        Optional<EditReader.Reading> edit = edits.read(tokens, order, index, orderOf);
        if (edit.isPresent()) {
            return order.about(edit.get().intent(), edit.get().edit(), null, lang);
        }
        return noSuchItem.check(tokens, order, index).inLanguage(lang);
    }
}
