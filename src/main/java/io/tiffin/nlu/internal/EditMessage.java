package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The words of one message an edit is read from, with the menu it is read against. */
record EditMessage(String[] t, MenuIndex index, Function<String[], ParseResult> order) {

    /** The order some of the words name. */
    ParseResult read(int from, int to) {
        return from >= to ? ParseResult.of(Intent.OTHER) : order.apply(Arrays.copyOfRange(t, from, to));
    }

    List<String> words(int from, int to) {
        return from >= to ? List.of() : List.of(Arrays.copyOfRange(t, from, to));
    }
}
