package io.tiffin.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.config.EnableMongoAuditing;

@Configuration(proxyBeanMethods = false)
@EnableMongoAuditing
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Stored secrets (bot tokens) are sealed with {@code TIFFIN_SECRETS_KEY}, or a key kept in the data dir. */
    @Bean
    io.tiffin.platform.security.SecretBox secretBox(
            @org.springframework.beans.factory.annotation.Value("${tiffin.secrets-key:}") String key,
            @org.springframework.beans.factory.annotation.Value("${tiffin.data-dir:./data}") String dataDir) {
        return io.tiffin.platform.security.SecretBox.of(key, java.nio.file.Path.of(dataDir, "secrets.key"));
    }
}
