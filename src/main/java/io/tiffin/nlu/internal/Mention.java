package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.List;

/** A run of tokens [start, end) of a message, read as one kind of thing. */
sealed interface Mention {

    int start();

    int end();

    /** "2", "do", "half a dozen"; a word number only counts next to what it counts. */
    record Quantity(int start, int end, int value, boolean spelledOut) implements Mention {
        /** The value of "the other", "the rest": what is left of a line a count split. */
        static final int REST = 0;
    }

    record QualifierWord(int start, int end, Qualifier qualifier) implements Mention {}

    /** "and", ",", "aur", "with": ends an item's mention, though its options may still follow. */
    record Separator(int start, int end) implements Mention {}

    record Filler(int start, int end, boolean quantityGlue) implements Mention {}

    /**
     * Items named by a whole name or alias ({@code partial} false), or by some of their words
     * ("chicken"); {@code fuzzy} when a word was misspelt.
     */
    record ItemMention(int start, int end, List<String> itemIds, boolean partial, boolean fuzzy) implements Mention {}

    record OptionMention(int start, int end, List<MenuIndex.OptionRef> options, boolean fuzzy) implements Mention {}

    /** Words neither the lexicons nor the menu know. */
    record Unknown(int start, int end) implements Mention {}
}
