package io.tiffin.nlu.internal;

import io.tiffin.catalog.MenuSnapshot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the index of each merchant's current menu version; building one takes far longer than a parse. */
final class MenuIndexCache {

    private static final int LIMIT = 2048;

    private final Lexicon lexicon;
    private final Map<String, MenuIndex> byMerchant = new ConcurrentHashMap<>();

    MenuIndexCache(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    MenuIndex indexOf(MenuSnapshot snapshot) {
        String key = String.valueOf(snapshot.merchantId());
        MenuIndex index = byMerchant.get(key);
        // the same version is normally the very same object; equals only runs for a rebuilt snapshot
        if (index != null
                && index.version == snapshot.version()
                && (index.menu == snapshot.menu() || index.menu.equals(snapshot.menu()))) {
            return index;
        }
        MenuIndex built = new MenuIndex(snapshot, lexicon);
        if (byMerchant.size() >= LIMIT) {
            byMerchant.clear();
        }
        byMerchant.put(key, built);
        return built;
    }
}
