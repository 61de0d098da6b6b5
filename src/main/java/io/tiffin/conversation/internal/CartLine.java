package io.tiffin.conversation.internal;

import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.ordering.LineRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Which cart line a reference means: by position ("the second one"), the last line ("it"), a line
 * of an item the words name exactly ("naan" is Plain Naan), else a line of an item they loosely fit
 * (the Garlic Naan in the cart). Two lines that fit equally are ambiguous, and so are an exact line and
 * another whose name has the words too; none means the customer
 * speaks of something not in the cart. {@code units} is how many of the line's units are meant when
 * that is fewer than all ("one coke" of two, "the second one" of a line of two pizzas), else null.
 */
record CartLine(List<Integer> indexes, Integer units) {

    CartLine(List<Integer> indexes) {
        this(indexes, null);
    }

    static CartLine of(List<LineRequest> cart, Reference reference) {
        CartLine line = lineOf(cart, reference);
        if (!line.found() || line.units() != null || reference.units() == null) {
            return line;
        }
        int quantity = cart.get(line.index()).quantity();
        return reference.units() < quantity ? new CartLine(line.indexes(), reference.units()) : line;
    }

    /** Every line a reference to all of them fits ("both pizzas": the pizza lines; "both": every line). */
    static List<Integer> every(List<LineRequest> cart, Reference reference) {
        List<Integer> exact = matching(cart, reference.itemIds());
        if (!exact.isEmpty() && reference.looseItemIds().equals(reference.itemIds())) {
            return exact;
        }
        return reference.looseItemIds().isEmpty() ? matching(cart, null) : matching(cart, reference.looseItemIds());
    }

    private static CartLine lineOf(List<LineRequest> cart, Reference reference) {
        if (cart.isEmpty()) {
            return new CartLine(List.of());
        }
        if (reference.position() != null) {
            List<Integer> among = matching(cart, reference.looseItemIds());
            if (reference.looseItemIds().isEmpty()) {
                among = matching(cart, null);
            }
            int p = reference.position();
            int at = p < 0 ? among.size() + p : p - 1;
            if (at >= 0 && at < among.size()) {
                return new CartLine(List.of(among.get(at)));
            }
            // "make the second one large" with one line of two pizzas: the second pizza, one unit of the line
            if (among.size() == 1 && p > 0 && cart.get(among.get(0)).quantity() >= p) {
                return new CartLine(List.of(among.get(0)), 1);
            }
            return new CartLine(List.of());
        }
        if (reference.isPronoun()) {
            return new CartLine(List.of(cart.size() - 1));
        }
        List<Integer> exact = matching(cart, reference.itemIds());
        List<Integer> named = matching(cart, reference.looseItemIds());
        // "the lassi" is Sweet Lassi's alias and a word of Mango Lassi's name: with both in the cart, ask
        if (exact.size() == 1 && named.size() > 1) {
            return new CartLine(named);
        }
        return new CartLine(exact.isEmpty() ? named : exact);
    }

    boolean found() {
        return indexes.size() == 1;
    }

    boolean ambiguous() {
        return indexes.size() > 1;
    }

    int index() {
        return indexes.get(0);
    }

    private static List<Integer> matching(List<LineRequest> cart, List<String> itemIds) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < cart.size(); i++) {
            if (itemIds == null || itemIds.contains(cart.get(i).itemId())) {
                found.add(i);
            }
        }
        return found;
    }
}
