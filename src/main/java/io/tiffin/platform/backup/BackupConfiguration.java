package io.tiffin.platform.backup;

import io.tiffin.platform.store.EmbeddedMongo;
import io.tiffin.platform.store.StoreProperties;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Online backups exist with the embedded store only; a real MongoDB is backed up with its own tools. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${MONGODB_URI:}'.isBlank()")
class BackupConfiguration {

    @Bean
    BackupPart embeddedStoreBackupPart(EmbeddedMongo mongo) {
        return new BackupPart() {
            @Override
            public String path() {
                return DataDirectory.STORE_FILE;
            }

            @Override
            public int order() {
                return 10;
            }

            @Override
            public void copyInto(Path backupDir) throws java.io.IOException {
                mongo.snapshotInto(backupDir.resolve(DataDirectory.STORE_FILE));
            }
        };
    }

    @Bean
    OnlineBackup onlineBackup(StoreProperties store, List<BackupPart> parts) {
        return new OnlineBackup(new DataDirectory(Path.of(store.dataDir())), parts);
    }

    @Bean
    ControlFile controlFile(StoreProperties store) {
        return new ControlFile(new DataDirectory(Path.of(store.dataDir())));
    }
}
