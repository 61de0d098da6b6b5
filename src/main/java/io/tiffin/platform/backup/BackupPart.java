package io.tiffin.platform.backup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A part of the data directory that is written while the app runs and so needs its own way of
 * taking a consistent copy. Parts are copied in {@link #order()}: a part whose records move into
 * another (the inbox journal into the store) goes first, so a record is in the copy of one or the
 * other, and at worst in both (the inbox's unique index makes that harmless).
 */
public interface BackupPart {

    /** The file or folder of the data directory this part copies, relative to it. */
    String path();

    int order();

    /** Writes the part's consistent copy under {@code backupDir}, at {@link #path()}. */
    void copyInto(Path backupDir) throws IOException;
}
