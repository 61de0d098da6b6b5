package io.tiffin.analytics.internal;

import io.tiffin.platform.cli.CliTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code analytics-rebuild}: recomputes every fact and roll-up from the orders collection and exits.
 * It opens the same store the server uses, so with the embedded store stop the server first (or call
 * {@code POST /api/v1/admin/analytics/rebuild} on the running one).
 */
public final class RebuildTool implements CliTool {

    @Override
    public String name() {
        return "analytics-rebuild";
    }

    @Override
    public int run(String[] args) throws Exception {
        SpringApplication app = new SpringApplication(Class.forName("io.tiffin.TiffinApplication"));
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(args)) {
            long started = System.nanoTime();
            long orders = context.getBean(Rollups.class).rebuild();
            System.out.printf("rebuilt analytics from %d orders in %d ms%n", orders, (System.nanoTime() - started) / 1_000_000);
            return 0;
        }
    }
}
