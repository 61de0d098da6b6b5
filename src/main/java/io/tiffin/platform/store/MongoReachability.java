package io.tiffin.platform.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * How the app notices a MongoDB it cannot reach. The driver waits 30 s by default for a server it can
 * use, holding a webhook's thread all that time before the webhook answers 503; here it waits
 * {@code MONGODB_SERVER_SELECTION_TIMEOUT} (2 s) unless the URI names its own
 * {@code serverSelectionTimeoutMS}. Health reads what the driver already knows about the servers and
 * asks with a short client-side timeout, so it answers within a second while the store is down.
 * {@link #unreachable(Throwable)} tells an unreachable store from one that refused an operation.
 */
public final class MongoReachability {

    static final Duration HEALTH_TIMEOUT = Duration.ofMillis(800);

    private MongoReachability() {}

    /**
     * Whether {@code failure} says the store could not be reached (no server to select, a broken or timed-out
     * socket, a primary stepping down), as opposed to an operation it refused. Spring Data's
     * {@code DataAccessResourceFailureException} counts when it wraps one of these, as it does for the driver's;
     * a Redis resource failure does not: it is not the store.
     */
    public static boolean unreachable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    /** Applies {@code timeout} unless the connection string chose one itself. */
    static void serverSelectionTimeout(
            MongoClientSettings.Builder settings, Integer fromConnectionString, Duration timeout) {
        if (fromConnectionString == null) {
            settings.applyToClusterSettings(
                    cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    static HealthIndicator health(MongoClient client) {
        return () -> {
            ClusterDescription cluster = client.getClusterDescription();
            if (!cluster.hasWritableServer()) {
                // the driver's monitors already know no server takes writes: say so without waiting for one
                return Health.down()
                        .withDetail("store", "mongodb")
                        .withDetail("error", reason(cluster))
                        .build();
            }
            try {
                client.getDatabase("admin")
                        .withTimeout(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .runCommand(new Document("ping", 1));
                return Health.up().withDetail("store", "mongodb").build();
            } catch (RuntimeException e) {
                return Health.down(e).withDetail("store", "mongodb").build();
            }
        };
    }

    private static String reason(ClusterDescription cluster) {
        return cluster.getServerDescriptions().stream()
                .map(ServerDescription::getException)
                .filter(e -> e != null)
                .findFirst()
                .map(e -> "no writable server: " + e.getClass().getSimpleName())
                .orElse("no writable server");
    }
}
