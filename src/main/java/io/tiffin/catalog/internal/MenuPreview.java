package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;

/** A menu as an import would store it, with the counts a merchant checks before committing. */
record MenuPreview(Menu menu, int categories, int items, int options) {

    static MenuPreview of(Menu menu) {
        return new MenuPreview(
                menu,
                menu.categories().size(),
                (int) menu.items().count(),
                menu.items()
                        .flatMap(i -> i.optionGroups().stream())
                        .mapToInt(g -> g.options().size())
                        .sum());
    }
}
