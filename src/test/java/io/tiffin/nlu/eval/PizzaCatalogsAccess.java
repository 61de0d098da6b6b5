package io.tiffin.nlu.eval;

import io.tiffin.catalog.MenuSnapshot;
import java.nio.file.Path;

/** The PIZZA catalogs as a menu, for parser tests outside this package. */
public final class PizzaCatalogsAccess {

    private PizzaCatalogsAccess() {}

    public static MenuSnapshot snapshot(Path catalogs) throws Exception {
        return PizzaCatalogs.build(catalogs).snapshot();
    }
}
