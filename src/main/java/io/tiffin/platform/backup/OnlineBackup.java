package io.tiffin.platform.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backups of the running app's data directory, one at a time. */
public final class OnlineBackup {

    private static final Logger log = LoggerFactory.getLogger(OnlineBackup.class);

    private final DataDirectory data;
    private final List<BackupPart> parts;

    OnlineBackup(DataDirectory data, List<BackupPart> parts) {
        this.data = data;
        this.parts = List.copyOf(parts);
    }

    public synchronized BackupManifest backupTo(Path target) throws IOException {
        long started = System.nanoTime();
        BackupManifest manifest = data.backupTo(target, parts);
        log.info(
                "Backup of {} written to {}: {} files, {} bytes in {} ms",
                data.path(),
                target,
                manifest.files().size(),
                manifest.bytes(),
                (System.nanoTime() - started) / 1_000_000);
        return manifest;
    }
}
