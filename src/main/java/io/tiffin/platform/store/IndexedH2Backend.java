package io.tiffin.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;

/**
 * mongo-java-server's H2 backend, with its unique indexes (and so {@code _id}) also serving queries
 * that add conditions to the indexed keys. Out of the box an index is used only when the query names
 * exactly its keys, so a compare-and-set such as {@code {_id, state}} or an optimistic-locking save
 * ({@code {_id, version}}) scanned the whole collection, and got slower with every stored document.
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, this);
    }

    private static final class Database extends H2Database {

        Database(String databaseName, IndexedH2Backend backend) {
            super(databaseName, backend.getMvStore(), backend.getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new KeyPrefixIndex(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
        }
    }
}
