package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One merchant's menu as stored: a single document, so every replace is one atomic write. */
@Document(StoredMenu.COLLECTION)
record StoredMenu(@Id String id, String merchantId, long version, Instant updatedAt, Menu menu) {

    static final String COLLECTION = "menus";

    MenuSnapshot snapshot() {
        return new MenuSnapshot(merchantId, version, updatedAt, menu);
    }
}
