package io.tiffin.catalog.internal;

import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Stores one menu document per merchant. Reads are on every customer message, so the last snapshot
 * is cached per merchant; the cache is checked against the stored version on each read (a tiny
 * projected query), so a replace made by another instance is seen at once.
 */
@Service
class CatalogService implements Catalog {

    private static final int CACHE_LIMIT = 4096;
    /** How long {@link #recent} answers from the cache without asking the store for the version. */
    private static final Duration RECENT = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final MenuValidator validator = new MenuValidator();
    private final Clock clock;
    private final long recentNanos;
    private final Map<String, MenuSnapshot> cache = new ConcurrentHashMap<>();
    /** Per merchant: when the cached snapshot was last found to be the stored one (System.nanoTime). */
    private final Map<String, Long> checked = new ConcurrentHashMap<>();

    @Autowired
    CatalogService(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    CatalogService(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, RECENT);
    }

    CatalogService(MongoTemplate mongo, Clock clock, Duration recent) {
        this.mongo = mongo;
        this.clock = clock;
        this.recentNanos = recent.toNanos();
        mongo.indexOps(StoredMenu.class)
                .createIndex(new Index()
                        .on("merchantId", Sort.Direction.ASC)
                        .unique()
                        .named("merchantId_unique"));
    }

    /** Without the version check when the cached snapshot was checked (or stored here) under a second ago. */
    @Override
    public Optional<MenuSnapshot> recent(String merchantId) {
        MenuSnapshot cached = cache.get(merchantId);
        Long at = checked.get(merchantId);
        if (cached != null && at != null && System.nanoTime() - at < recentNanos) {
            return Optional.of(cached);
        }
        return current(merchantId);
    }

    @Override
    public Optional<MenuSnapshot> current(String merchantId) {
        long now = System.nanoTime();
        MenuSnapshot cached = cache.get(merchantId);
        Query versionOnly = byMerchant(merchantId);
        versionOnly.fields().include("version").exclude("_id");
        var stored = mongo.findOne(versionOnly, org.bson.Document.class, StoredMenu.COLLECTION);
        if (stored == null) {
            cache.remove(merchantId);
            checked.remove(merchantId);
            return Optional.empty();
        }
        long version = ((Number) stored.get("version")).longValue();
        if (cached != null && cached.version() == version) {
            checked.put(merchantId, now);
            return Optional.of(cached);
        }
        return Optional.ofNullable(mongo.findOne(byMerchant(merchantId), StoredMenu.class))
                .map(StoredMenu::snapshot)
                .map(this::remember);
    }

    @Override
    public MenuSnapshot replace(String merchantId, Menu menu) {
        validator.check(menu);
        Update update =
                new Update().set("menu", menu).set("updatedAt", clock.instant()).inc("version", 1);
        var options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        StoredMenu stored;
        try {
            stored = mongo.findAndModify(byMerchant(merchantId), update, options, StoredMenu.class);
        } catch (DuplicateKeyException raceOnFirstImport) {
            // two first imports at once: the loser's upsert hits the unique index; the document exists now
            stored = mongo.findAndModify(byMerchant(merchantId), update, options, StoredMenu.class);
        }
        return remember(stored.snapshot());
    }

    /** The checks {@link #replace} makes, without storing: an invalid menu throws. */
    void check(Menu menu) {
        validator.check(menu);
    }

    /**
     * Stores an edit made to the menu at {@code version}; null when the stored menu has moved on since
     * (another edit or import), so the caller can re-read and apply its edit again.
     */
    MenuSnapshot replaceIfUnchanged(String merchantId, long version, Menu menu) {
        validator.check(menu);
        Update update =
                new Update().set("menu", menu).set("updatedAt", clock.instant()).inc("version", 1);
        StoredMenu stored = mongo.findAndModify(
                byMerchant(merchantId).addCriteria(Criteria.where("version").is(version)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                StoredMenu.class);
        return stored == null ? null : remember(stored.snapshot());
    }

    private MenuSnapshot remember(MenuSnapshot snapshot) {
        long now = System.nanoTime();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
            checked.clear();
        }
        MenuSnapshot kept = cache.merge(
                snapshot.merchantId(), snapshot, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        if (kept == snapshot) {
            checked.put(snapshot.merchantId(), now);
        }
        return snapshot;
    }

    private static Query byMerchant(String merchantId) {
        return Query.query(Criteria.where("merchantId").is(merchantId));
    }
}
