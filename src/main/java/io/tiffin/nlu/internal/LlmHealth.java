package io.tiffin.nlu.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code llm}: DEGRADED while the local model is being left alone
 * after failing (orders are read by the deterministic parser alone meanwhile). DEGRADED is not in the
 * health status order, so it never turns the platform's own status from UP: messages are still taken
 * and answered.
 */
@Component("llm")
class LlmHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the model failed repeatedly; deterministic reading only");

    private final HybridOrderParser parser;

    LlmHealth(HybridOrderParser parser) {
        this.parser = parser;
    }

    @Override
    public Health health() {
        HybridOrderParser.ModelState state = parser.modelState();
        Health.Builder health = switch (state) {
            case NOT_CONFIGURED, ANSWERING -> Health.up();
            case TRYING_AGAIN, LEFT_ALONE -> Health.status(DEGRADED);
        };
        return health.withDetail("model", state.name().toLowerCase(java.util.Locale.ROOT))
                .build();
    }
}
