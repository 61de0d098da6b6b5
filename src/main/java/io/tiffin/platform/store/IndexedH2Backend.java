package io.tiffin.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with its unique indexes (and so {@code _id}) also serving queries
 * that add conditions to the indexed keys. Out of the box an index is used only when the query names
 * exactly its keys, so a compare-and-set such as {@code {_id, state}} or an optimistic-locking save
 * ({@code {_id, version}}) scanned the whole collection, and got slower with every stored document.
 * Its unique indexes keep their keys as the serialized bytes the library writes ({@link SerializedKeys},
 * {@link SerializedKeyIndex}): a comparison compares bytes, and a page read back is not deserialized.
 * Its collections keep documents no one else changes ({@link PrivateDocumentsCollection}), written as
 * BSON ({@link StoredDocuments}), their ids, where H2 keeps them, without Java serialization ({@link StoredIds}).
 */
public final class IndexedH2Backend extends H2Backend {

    /** The page cache in MB (the library's default is 16): a page read back from the file is decoded whole. */
    private static final int CACHE_MB = 64;

    /** Opens the store file, as the app does: also for reading a store or a backup outside the app. */
    public IndexedH2Backend(String file) {
        super(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, this);
    }

    private static final class Database extends H2Database {

        // the library keeps its maps' naming to itself
        private static final MethodHandle MAP_NAME;
        // read from the library's field: its constructor opens the stored indexes, before ours has run
        private static final java.lang.invoke.VarHandle STORE;

        static {
            try {
                MethodHandles.Lookup database = MethodHandles.privateLookupIn(H2Database.class, MethodHandles.lookup());
                MAP_NAME = database.findVirtual(
                        H2Database.class,
                        "mapNameForIndex",
                        MethodType.methodType(String.class, String.class, String.class));
                STORE = database.findVarHandle(H2Database.class, "mvStore", MVStore.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        Database(String databaseName, IndexedH2Backend backend) {
            super(databaseName, backend.getMvStore(), backend.getCursorRegistry());
        }

        // the library's own collection, but with a map no one else's changes reach (see PrivateDocumentsCollection)
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = (MVStore) STORE.get((H2Database) this);
            MVMap<Object, StoredDocuments.Stored> data = store.openMap(
                    "databases." + namespace,
                    new MVMap.Builder<Object, StoredDocuments.Stored>()
                            .keyType(new StoredIds())
                            .valueType(new StoredDocuments()));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new PrivateDocumentsCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            try {
                String name = (String) MAP_NAME.invoke((H2Database) this, collectionName, indexName);
                MVStore store = (MVStore) STORE.get((H2Database) this);
                MVMap<SerializedKeys.Key, Object> map = store.openMap(
                        name,
                        new MVMap.Builder<SerializedKeys.Key, Object>()
                                .keyType(SerializedKeys.INSTANCE)
                                .valueType(new StoredIds()));
                return new KeyPrefixIndex(new SerializedKeyIndex(map, indexName, keys, sparse));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot open index " + indexName + " of " + collectionName, e);
            }
        }
    }
}
