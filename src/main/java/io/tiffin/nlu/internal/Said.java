package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.List;

/**
 * An option as said; {@code declined} is the qualifier a "no" refused ("no extra cheese": NO over
 * EXTRA), so the line can say so without adding or removing the option itself.
 */
record Said(List<MenuIndex.OptionRef> options, Qualifier qualifier, int start, int end, Qualifier declined) {
    Said(List<MenuIndex.OptionRef> options, Qualifier qualifier, int start, int end) {
        this(options, qualifier, start, end, null);
    }
}
