package io.tiffin.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failed sends to messaging providers per channel in the last hour, for the admin app. Channels count
 * their failures in the {@code tiffin.outbound.failures} counter (tagged by channel); a minute's sample
 * of it is kept for an hour, and the answer is now minus the oldest sample. Per instance, since a
 * restart: good enough to see a provider failing now, which is what the screen is for.
 */
@RestController
@Tag(name = "Operations")
@SecurityRequirement(name = "bearer")
class ProviderErrors {

    static final String COUNTER = "tiffin.outbound.failures";
    private static final int SAMPLES = 61;

    private final MeterRegistry meters;
    private final Deque<Map<String, Double>> samples = new ArrayDeque<>();

    ProviderErrors(MeterRegistry meters) {
        this.meters = meters;
        sample();
    }

    @Scheduled(fixedRate = 60_000, initialDelay = 60_000)
    synchronized void sample() {
        samples.addLast(now());
        while (samples.size() > SAMPLES) {
            samples.removeFirst();
        }
    }

    @GetMapping("/api/v1/admin/operations/provider-errors")
    @Operation(summary = "Failed sends to each messaging provider in the last hour, per channel (admin)")
    synchronized Map<String, Long> lastHour() {
        Map<String, Double> oldest = samples.isEmpty() ? Map.of() : samples.peekFirst();
        Map<String, Long> errors = new TreeMap<>();
        now().forEach((channel, count) -> errors.put(channel, Math.round(count - oldest.getOrDefault(channel, 0.0))));
        return errors;
    }

    private Map<String, Double> now() {
        Map<String, Double> counts = new TreeMap<>();
        for (Counter counter : meters.find(COUNTER).counters()) {
            counts.merge(String.valueOf(counter.getId().getTag("channel")), counter.count(), Double::sum);
        }
        return counts;
    }
}
