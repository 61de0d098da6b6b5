package io.tiffin.dispatch.internal;

import com.google.ortools.Loader;

/** Loads OR-Tools' native library once per JVM; the first load takes seconds, so callers may warm it up. */
public final class OrTools {

    private static volatile boolean loaded;

    private OrTools() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
