package io.tiffin.nlu.internal;

import io.tiffin.nlu.internal.Mention.ItemMention;
import io.tiffin.nlu.internal.Mention.Quantity;
import io.tiffin.nlu.internal.Mention.Unknown;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of the order while {@link OrderAssembler} reads the message: the item (or the unknown words
 * where one was asked for), its count and the options said for it, before anything is checked against
 * the menu.
 */
final class Draft {
    final ItemMention item;
    final Unknown unknown;
    /** Where the count was said, if it was said before the item: the line's words start there. */
    final int quantityStart;

    int quantity;
    boolean quantityGiven;
    final List<Said> options = new ArrayList<>();
    /** The line this one was split from ("two lattes, one with oat milk"), or null. */
    Draft whole;
    /** Whether a later count already named the rest of this line ("... and one with swiss"). */
    boolean restNamed;
    /** Where "same thing" copied this line from another: bare picks after it replace (-1: not a copy). */
    int copiedAt = -1;
    /** Options whose words named the item instead ("pepperoni" for Pepperoni Pizza). */
    final List<Said> named = new ArrayList<>();

    Draft(ItemMention item, Unknown unknown, Quantity quantity) {
        this.item = item;
        this.unknown = unknown;
        this.quantity = quantity == null ? 1 : quantity.value();
        this.quantityGiven = quantity != null;
        this.quantityStart = quantity == null ? Integer.MAX_VALUE : quantity.start();
    }

    /** The first word of the line: its count, its item, or an option said before the item. */
    int start() {
        int start = Math.min(quantityStart, item != null ? item.start() : unknown.start());
        for (Said s : options) {
            start = Math.min(start, s.start());
        }
        for (Said s : named) {
            start = Math.min(start, s.start());
        }
        return start;
    }

    int itemEnd() {
        return item != null ? item.end() : unknown.end();
    }

    boolean offers(List<MenuIndex.OptionRef> refs) {
        return item != null && refs.stream().anyMatch(r -> item.itemIds().contains(r.itemId()));
    }
}
