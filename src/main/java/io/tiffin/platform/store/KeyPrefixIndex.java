package io.tiffin.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A unique index that also answers a query naming each of its keys with a plain value plus further
 * conditions: it finds the one candidate by the keys, and the collection then checks the whole query
 * against that document, as it does for every index hit.
 */
final class KeyPrefixIndex extends Index<Object> {

    private final Index<Object> unique;

    KeyPrefixIndex(Index<Object> unique) {
        super(
                unique.getName(),
                unique.getKeys(),
                Boolean.TRUE.equals(unique.toIndexDescription().get("sparse")));
        this.unique = unique;
    }

    @Override
    public boolean canHandle(Document query) {
        if (unique.canHandle(query)) {
            return true;
        }
        return query.size() > keys().size() && keys().stream().allMatch(key -> isPlainValue(query.get(key)));
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        if (unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        Document keysOnly = new Document();
        keys().forEach(key -> keysOnly.put(key, query.get(key)));
        return unique.getPositions(keysOnly);
    }

    private static boolean isPlainValue(Object value) {
        return value != null
                && !(value instanceof Document)
                && !(value instanceof Collection<?>)
                && !(value instanceof Pattern);
    }

    // everything else is the unique index's own behaviour

    @Override
    public Object getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public Document toIndexDescription() {
        return unique.toIndexDescription();
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }
}
