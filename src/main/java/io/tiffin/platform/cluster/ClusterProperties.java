package io.tiffin.platform.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instanceId  names this instance in job records and logs; host name and process id by default
 * @param lockExpiry  how long a lock outlives an instance that died holding it
 */
@ConfigurationProperties("tiffin.cluster")
public record ClusterProperties(
        @DefaultValue("") String instanceId,
        @DefaultValue("2m") Duration lockExpiry) {

    /** The configured id, or host name and process id. */
    public String instance() {
        if (!instanceId.isBlank()) {
            return instanceId;
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + ":" + ProcessHandle.current().pid();
    }
}
