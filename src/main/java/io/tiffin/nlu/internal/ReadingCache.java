package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Model readings by menu version and normalized message, so the same words never ask the model twice. */
interface ReadingCache {

    Optional<ParseResult> get(String key);

    void put(String key, ParseResult reading);

    /** A bounded in-process cache, for a single instance or tests. */
    static ReadingCache inMemory(int entries) {
        Map<String, ParseResult> map = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ParseResult> eldest) {
                return size() > entries;
            }
        };
        return new ReadingCache() {
            @Override
            public synchronized Optional<ParseResult> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public synchronized void put(String key, ParseResult reading) {
                map.put(key, reading);
            }
        };
    }
}
