package io.tiffin.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A webhook that reads the body and answers like a real one, doing nothing else: the benchmark's
 * baseline, so webhook throughput is reported as a ratio to what this app and machine can serve at all.
 * Off unless {@code TIFFIN_BENCH_NOOP=true}.
 */
@RestController
@ConditionalOnProperty(name = "tiffin.bench.noop", havingValue = "true")
@Tag(name = "Webhooks")
class NoopWebhookController {

    @PostMapping("/webhooks/noop")
    @Operation(summary = "Benchmark baseline: reads the body and answers 200, doing nothing else")
    ResponseEntity<String> noop(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            in.readNBytes(1024 * 1024);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"ok\"}");
    }
}
