package io.tiffin.nlu;

import io.tiffin.catalog.MenuSnapshot;

/** Reads what a customer wrote against one merchant's menu. Never prices anything. */
public interface OrderParser {

    ParseResult parse(String utterance, MenuSnapshot menu);
}
