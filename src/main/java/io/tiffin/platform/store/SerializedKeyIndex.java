package io.tiffin.platform.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 unique index (the same map, keys and positions), its keys kept serialized
 * ({@link SerializedKeys}): a key is serialized once per lookup or insert, never deserialized but by a
 * walk over the whole index (a regular expression on the key).
 */
final class SerializedKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<SerializedKeys.Key, Object> map;

    SerializedKeyIndex(MVMap<SerializedKeys.Key, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(SerializedKeys.Key.of(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(SerializedKeys.Key.of(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(entry ->
                        new AbstractMap.SimpleImmutableEntry<>(entry.getKey().value(), entry.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(SerializedKeys.Key.of(keyValue));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
