package io.tiffin.analytics.internal;

import io.tiffin.conversation.ConversationUpdated;
import io.tiffin.support.IntegrationTestSupport;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conversation report's cost on a busy day (bench/analytics/README.md): one merchant's day gets
 * {@code bench.reports} conversations (every one a new customer, as in the webhook flood), a third of
 * them reported a second time with more messages; the process CPU and the wall time per report are
 * taken over the last quarter (the day already busy), then one summary of that day is read over HTTP.
 * Not a test (surefire does not pick the name up); run it on purpose:
 * {@code ./mvnw -o test -Dtest=ConversationReportBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ConversationReportBench extends IntegrationTestSupport {

    @Autowired
    ConversationRollups conversations;

    @Test
    void bench() {
        int reports = Integer.getInteger("bench.reports", 20_000);
        String admin = adminToken();
        TestMerchant busy = newMerchant("Busy Bench Kitchen");
        Instant day = Instant.parse("2024-03-05T08:00:00Z");
        String[] questions = {"confirm_cart", "address", "payment", "which_item", "what_to_order"};
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int measuredFrom = reports - reports / 4;
        long cpu0 = 0, wall0 = 0;
        long[] each = new long[reports - measuredFrom];
        int measured = 0;
        for (int n = 0; n < reports; n++) {
            if (n == measuredFrom) {
                cpu0 = os.getProcessCpuTime();
                wall0 = System.nanoTime();
            }
            long t = System.nanoTime();
            int messages = 1;
            conversations.record(report(busy.id(), n, day, messages, questions));
            if (n % 3 == 0) {
                conversations.record(report(busy.id(), n, day, messages + 2, questions));
                if (n >= measuredFrom) {
                    measured++;
                }
            }
            if (n >= measuredFrom) {
                each[n - measuredFrom] = System.nanoTime() - t;
                measured++;
            }
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        print(
                "%d reports to one day (%d conversations); over the last %d reports: %.3f ms process CPU and %.3f ms wall per report",
                reports + (reports + 2) / 3, reports, measured, cpu / 1e6 / measured, wall / 1e6 / measured);
        Arrays.sort(each);
        print(
                "one conversation's report(s), p50 / p95 / max: %.2f / %.2f / %.2f ms",
                each[each.length / 2] / 1e6, each[each.length * 95 / 100] / 1e6, each[each.length - 1] / 1e6);
        String query = "/api/v1/analytics/summary?from=2024-03-05&to=2024-03-05&merchantId=" + busy.id();
        String body = get(query, admin).body();
        print("summary of the busy day: %s", body.substring(0, Math.min(160, body.length())));
        for (int i = 0; i < 20; i++) {
            get(query, admin);
        }
        long[] reads = new long[100];
        for (int i = 0; i < reads.length; i++) {
            long t = System.nanoTime();
            get(query, admin);
            reads[i] = System.nanoTime() - t;
        }
        Arrays.sort(reads);
        print(
                "summary of the busy day (HTTP), p50 / p95: %.2f / %.2f ms",
                reads[reads.length / 2] / 1e6, reads[reads.length * 95 / 100] / 1e6);
    }

    private static ConversationUpdated report(String merchantId, int n, Instant day, int messages, String[] questions) {
        Instant started = day.plusSeconds(n % 40_000);
        boolean ordered = messages > 1 && n % 2 == 0;
        return new ConversationUpdated(
                "bench-" + n + "-" + merchantId,
                merchantId,
                "WHATSAPP",
                "customer-" + n,
                started,
                started.plusSeconds(30L * messages),
                messages,
                n % 5 == 0 ? 1 : 0,
                n % 7 == 0 ? 1 : 0,
                n % 4 == 0 ? 1 : 0,
                n % 4 == 0 ? 1 : 0,
                n % 4 == 0 ? 300 : 0,
                messages > 1,
                ordered ? 1 : 0,
                ordered ? "order_placed" : questions[n % questions.length]);
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCH " + String.format(Locale.ROOT, format, args));
    }
}
