package io.tiffin.nlu;

import io.tiffin.catalog.MenuSnapshot;
import java.util.List;

/** Reads what a customer wrote against one merchant's menu. Never prices anything. */
public interface OrderParser {

    ParseResult parse(String utterance, MenuSnapshot menu);

    /**
     * What a message answers to "which of these do you mean", the lines {@code offered} in the order
     * they were shown: the lines it picks, none of them, or no answer at all.
     */
    LineChoice whichOf(String utterance, List<ParseResult.Line> offered, MenuSnapshot menu);
}
