package io.tiffin.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's H2 collection, with its map holding documents that nothing else refers to. The
 * library applies an update by changing, key by key, the document it read from the collection, and
 * out of the box that is the instance in the map: a commit writing the map meanwhile then wrote a
 * half-updated document to the file (what a crash right after brought back), or, when the update
 * added or dropped a field, a page that could no longer be read at all. So a document is copied on
 * its way into the map and on its way out; the instance in the map is never changed and a commit
 * reads it safely. Queries match against the stored instance and copy only what matched. The map holds
 * each document with its BSON once encoded ({@link StoredDocuments.Stored}), so every access to the map is
 * this class's own.
 *
 * <p>It keeps no running total of its documents' sizes: the library would encode the document (an update: the
 * old and the new one) once more on every write to move a figure only {@code collStats} reports, and rewrite the
 * collection's metadata with it, so every commit serialized that page too. Tiffin never asks for it.
 *
 * <p>A query no index answers reads the whole collection: at DEBUG each one is logged with its
 * collection and the shape of its filter (field names and operators, no values).
 */
final class PrivateDocumentsCollection extends H2Collection {

    private static final Logger log = LoggerFactory.getLogger(PrivateDocumentsCollection.class);

    private final MVMap<Object, StoredDocuments.Stored> data;
    private final StoredDocuments type;

    @SuppressWarnings({"unchecked", "rawtypes"})
    PrivateDocumentsCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, StoredDocuments.Stored> data,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        // the library's own uses of its map left are counting and emptiness, which never see a value
        super(database, collectionName, options, (MVMap) data, metaMap, cursorRegistry);
        this.data = data;
        this.type = (StoredDocuments) data.getValueType();
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    // the library's H2Collection, each document wrapped and copied on its way in and out

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocuments.Stored previous =
                data.putIfAbsent(Missing.ofNullable(key), type.stored(document.cloneDeeply()));
        Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this + ": " + previous);
        return key;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        data.put(Missing.ofNullable(position), type.stored(newDocument.cloneDeeply()));
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocuments.Stored stored = data.get(position);
        return stored == null ? null : stored.document().cloneDeeply();
    }

    @Override
    protected void removeDocument(Object position) {
        if (data.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return stored().map(stored ->
                new DocumentWithPosition<>(stored.getDocument().cloneDeeply(), stored.getPosition()));
    }

    private Stream<DocumentWithPosition<Object>> stored() {
        return data.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        if (log.isDebugEnabled()) {
            log.debug("Scan of {} ({} documents) for {}", getCollectionName(), count(), shape(query));
        }
        Stream<DocumentWithPosition<Object>> stored = stored();
        if (isNaturalDescending(orderBy)) {
            stored = stored.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()));
        }
        Stream<Document> matching = stored.map(DocumentWithPosition::getDocument)
                .filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
        return matchDocumentsFromStream(matching, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** The filter without its values, which may be customer data: {@code {state: {$in: _}}}. */
    static String shape(Object filter) {
        if (filter instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + shape(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (filter instanceof java.util.List<?> list && list.stream().anyMatch(Map.class::isInstance)) {
            return list.stream().map(PrivateDocumentsCollection::shape).collect(Collectors.joining(", ", "[", "]"));
        }
        return "_";
    }
}
