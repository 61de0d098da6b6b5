package io.tiffin.platform.store;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Embedded defaults: with no {@code MONGODB_URI} / {@code REDIS_URL}, start the in-process stores and
 * hand Boot their connection details, so the rest of the app cannot tell the difference.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${MONGODB_URI:}'.isBlank()")
    static class EmbeddedMongoConfiguration {

        @Bean(destroyMethod = "destroy")
        EmbeddedMongo embeddedMongo(StoreProperties properties) {
            return new EmbeddedMongo(Path.of(properties.dataDir()));
        }

        /** Boot's indicator sends {@code hello}, which the embedded server lacks; {@code isMaster} is the same question. */
        @Bean("mongoHealthIndicator")
        HealthIndicator embeddedMongoHealthIndicator(MongoTemplate mongo) {
            return () -> {
                try {
                    mongo.executeCommand("{isMaster: 1}");
                    return Health.up().withDetail("store", "embedded").build();
                } catch (RuntimeException e) {
                    return Health.down(e).build();
                }
            };
        }

        @Bean
        @Primary
        MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo) {
            ConnectionString connectionString = mongo.connectionString();
            return () -> connectionString;
        }
    }

    /** A real MongoDB ({@code MONGODB_URI}): health that answers at once while it is unreachable. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${MONGODB_URI:}'.isBlank()")
    static class ExternalMongoConfiguration {

        @Bean("mongoHealthIndicator")
        HealthIndicator mongoHealthIndicator(MongoClient client) {
            return MongoReachability.health(client);
        }
    }

    /** Runs after Boot's own customizer has applied the URI, so it can tell whether the URI set a timeout. */
    @Bean
    MongoClientSettingsBuilderCustomizer serverSelectionTimeout(
            MongoConnectionDetails connection,
            @Value("${tiffin.mongodb.server-selection-timeout:2s}") Duration timeout) {
        return settings -> MongoReachability.serverSelectionTimeout(
                settings, connection.getConnectionString().getServerSelectionTimeout(), timeout);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${REDIS_URL:}'.isBlank()")
    static class EmbeddedRedisConfiguration {

        @Bean(destroyMethod = "destroy")
        EmbeddedRedis embeddedRedis() {
            return new EmbeddedRedis();
        }

        @Bean
        @Primary
        DataRedisConnectionDetails embeddedRedisConnectionDetails(EmbeddedRedis redis) {
            DataRedisConnectionDetails.Standalone standalone =
                    DataRedisConnectionDetails.Standalone.of("127.0.0.1", redis.port());
            return new DataRedisConnectionDetails() {
                @Override
                public Standalone getStandalone() {
                    return standalone;
                }
            };
        }
    }

    @Bean
    StoreDurability storeDurability(ObjectProvider<EmbeddedMongo> embedded) {
        EmbeddedMongo mongo = embedded.getIfAvailable();
        return mongo != null ? mongo::flush : StoreDurability.NONE;
    }
}
