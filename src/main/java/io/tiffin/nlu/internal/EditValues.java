package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.nlu.internal.EditReader.Reading;
import java.util.List;

/** The two halves every edit shape has: the line meant, and what it becomes. */
final class EditValues {

    final TurnLexicon words;
    final References references;

    EditValues(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
    }

    Reference reference(EditMessage m, int from, int to) {
        return references.read(m.t(), from, to, m.index(), m.order());
    }

    /** What the target becomes: a count, other items, or a new choice read against its item. */
    Reading into(EditMessage m, Reference target, int from, int to) {
        var count = words.count(m.t(), from, to);
        ParseResult value = m.read(from, to);
        if (count == null && value.lines().size() != 1 && !target.looseItemIds().isEmpty()) {
            // "the lassi mango": "mango" says which lassi; read with the line's words it is one item
            ParseResult together = withTargetWords(m, target, from, to);
            if (together.lines().size() == 1
                    && together.unresolved().isEmpty()
                    && !target.itemIds().contains(together.lines().get(0).itemId())) {
                value = together;
            }
        }
        boolean namesItems = !value.lines().isEmpty() || !value.unresolved().isEmpty();
        if (count != null && !namesItems) {
            return new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, List.of()));
        }
        if (namesItems && count != null && sameItems(target, value)) {
            // "make the garlic naan 2 garlic naan": the same item with a count is a new count
            return new Reading(Intent.SET_QUANTITY, new Edit(List.of(target), count.value(), null, m.words(from, to)));
        }
        return new Reading(
                Intent.CHANGE,
                new Edit(
                        List.of(target),
                        count == null ? null : count.value(),
                        namesItems ? value : null,
                        m.words(from, to)));
    }

    /** "change X to Y", "Y instead of X": the line is replaced, Y is never a note on it. */
    static Reading replacing(Reading reading) {
        Edit edit = reading.edit();
        return new Reading(
                reading.intent(),
                new Edit(edit.targets(), edit.quantity(), edit.replacement(), edit.valueWords(), true));
    }

    private ParseResult withTargetWords(EditMessage m, Reference target, int from, int to) {
        List<String> together = new java.util.ArrayList<>(m.words(from, to));
        for (String word : target.span().split(" ")) {
            if (!word.isBlank() && !words.is("DETERMINER", word) && !words.is("PRONOUN", word)) {
                together.add(word);
            }
        }
        return m.order().apply(together.toArray(String[]::new));
    }

    private static boolean sameItems(Reference target, ParseResult value) {
        return value.unresolved().isEmpty()
                && value.lines().size() == 1
                && target.itemIds().equals(List.of(value.lines().get(0).itemId()));
    }

    static boolean isItemWord(EditMessage m, String token) {
        String canonical = m.index().canonical(token);
        return canonical != null && m.index().itemsByWord.containsKey(canonical);
    }
}
