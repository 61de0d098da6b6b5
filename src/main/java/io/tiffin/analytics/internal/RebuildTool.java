package io.tiffin.analytics.internal;

import io.tiffin.platform.cli.CliTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code analytics-rebuild}: recomputes every order fact and roll-up from the orders and deliveries,
 * and every conversation day (see {@link ConversationRollups#rebuild}), and exits.
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
            long conversations = context.getBean(ConversationRollups.class).rebuild();
            System.out.printf(
                    "rebuilt analytics from %d orders and %d sessions' conversations in %d ms%n",
                    orders, conversations, (System.nanoTime() - started) / 1_000_000);
            return 0;
        }
    }
}
