package io.tiffin.notification.mail;

import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.Ordering;
import io.tiffin.platform.text.MoneyText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The owner's summary of the day, once per merchant and kitchen calendar day, from {@code summary-hour}
 * on. Its key ({@code daily-summary:<merchant>:<date>}) makes it go once however many instances look.
 */
@Component
class DailySummary {

    private static final Logger log = LoggerFactory.getLogger(DailySummary.class);
    private static final Set<OrderStatus> NOT_SOLD =
            EnumSet.of(OrderStatus.REJECTED, OrderStatus.CANCELLED, OrderStatus.AWAITING_PAYMENT);

    private final MerchantDirectory merchants;
    private final Ordering ordering;
    private final MailTemplates templates;
    private final Mails mails;
    private final MailProperties properties;
    private final Clock clock;
    private final io.tiffin.platform.cluster.ClusterJobs jobs;

    DailySummary(
            MerchantDirectory merchants,
            Ordering ordering,
            MailTemplates templates,
            Mails mails,
            MailProperties properties,
            Clock clock,
            io.tiffin.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.merchants = merchants;
        this.ordering = ordering;
        this.templates = templates;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tiffin.mail.summary-every:15m}",
            initialDelayString = "${tiffin.mail.summary-every:15m}")
    void scheduled() {
        // one instance per round: two sweeping at once could both mail a merchant
        jobs.runOnce("daily-summary", properties.summaryEvery(), () -> sendDue(clock.instant()));
    }

    /** Sends every summary due at {@code now}; answers how many merchants were looked at. */
    int sendDue(Instant now) {
        int looked = 0;
        for (Merchant merchant : merchants.withDailySummary()) {
            Merchant.Emails emails = merchant.emails();
            ZonedDateTime local = now.atZone(merchant.zone());
            if (!emails.dailySummary() || emails.address() == null || local.getHour() < properties.summaryHour()) {
                continue;
            }
            looked++;
            try {
                send(merchant, local.toLocalDate());
            } catch (Exception e) {
                log.warn(
                        "The daily summary of merchant {} failed (tried again next round): {}",
                        merchant.id(),
                        e.toString());
            }
        }
        return looked;
    }

    void send(Merchant merchant, LocalDate day) throws Exception {
        List<Order> orders = ordering.createdBetween(
                merchant.id(),
                day.atStartOfDay(merchant.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(merchant.zone()).toInstant());
        List<Order> sold =
                orders.stream().filter(o -> !NOT_SOLD.contains(o.status())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("merchant", merchant.name());
        model.put("date", day.toString());
        model.put("orders", orders.size());
        model.put("sold", sold.size());
        model.put(
                "turnedDown",
                orders.stream()
                        .filter(o -> o.status() == OrderStatus.REJECTED || o.status() == OrderStatus.CANCELLED)
                        .count());
        model.put(
                "sales", MoneyText.format(sold.stream().mapToLong(Order::total).sum(), merchant.currency()));
        model.put(
                "online",
                MoneyText.format(
                        sold.stream()
                                .filter(o -> o.payment().method() == Order.PaymentMethod.ONLINE)
                                .mapToLong(Order::total)
                                .sum(),
                        merchant.currency()));
        model.put(
                "cash",
                MoneyText.format(sold.stream().mapToLong(Order::amountToCollect).sum(), merchant.currency()));
        MailTemplates.Rendered summary = templates.render("en", "daily_summary", model);
        mails.sendOnce(new Email(
                "daily-summary:" + merchant.id() + ":" + day,
                "daily_summary",
                merchant.emails().address(),
                summary.subject(),
                summary.html(),
                summary.text()));
    }
}
