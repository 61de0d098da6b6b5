package io.tiffin.conversation.internal;

import io.tiffin.ordering.LineRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The cart while one message's edits are applied, part by part: nothing reaches the session until
 * every part is read, so a message that must first ask "which one" leaves the cart as it was. A line
 * that comes to equal another becomes one line with both counts, as in the session.
 */
final class CartDraft {

    private final List<LineRequest> lines;
    private boolean changed;

    CartDraft(List<LineRequest> cart) {
        this.lines = new ArrayList<>(cart);
    }

    List<LineRequest> lines() {
        return List.copyOf(lines);
    }

    boolean changed() {
        return changed;
    }

    LineRequest get(int index) {
        return lines.get(index);
    }

    int size() {
        return lines.size();
    }

    void replace(int index, LineRequest line) {
        lines.set(index, line);
        mergeInto(index);
        changed = true;
    }

    /** {@code moved} takes the place of that many of the line's units: "change one coke to diet coke" of two. */
    void split(int index, int units, LineRequest moved) {
        LineRequest old = lines.get(index);
        lines.set(index, old.withQuantity(old.quantity() - units));
        lines.add(index + 1, moved);
        mergeInto(index + 1);
        changed = true;
    }

    void remove(int index) {
        lines.remove(index);
        changed = true;
    }

    /** The line at {@code index} joins an equal line, if there is one. */
    private void mergeInto(int index) {
        LineRequest line = lines.get(index);
        for (int i = 0; i < lines.size(); i++) {
            if (i != index && lines.get(i).sameChoiceAs(line)) {
                lines.set(i, lines.get(i).withQuantity(Math.min(99, lines.get(i).quantity() + line.quantity())));
                lines.remove(index);
                return;
            }
        }
    }
}
