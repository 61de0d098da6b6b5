package io.tiffin.platform.store;

/**
 * A barrier for writes that must survive a crash before we acknowledge them. A real MongoDB makes a
 * write durable through its write concern, so there it does nothing; the embedded store commits its file and forces
 * it to disk.
 */
@FunctionalInterface
public interface StoreDurability {

    StoreDurability NONE = () -> {};

    void flush();
}
