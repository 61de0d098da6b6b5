package io.tiffin.platform.store;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that hold only with the embedded store (no {@code MONGODB_URI}), below every other setting. The
 * MongoDB driver's command metrics are off there: the store runs in the same process, so a timer per command
 * measures little that the handling's own timers do not, while the driver decodes every command again for its
 * listener and looks up a timer for it (about 1.5 % of the app's CPU in a flood of webhooks). With a real
 * MongoDB, where a command's time is the network's and the server's, they stay on. Either way {@code
 * MANAGEMENT_METRICS_MONGODB_COMMAND_ENABLED} decides when set.
 */
public final class EmbeddedStoreDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "tiffin-embedded-store-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("MONGODB_URI", "").isBlank()) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(SOURCE, Map.of("management.metrics.mongodb.command.enabled", "false")));
    }
}
