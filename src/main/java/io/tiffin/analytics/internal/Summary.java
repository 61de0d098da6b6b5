package io.tiffin.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures for a range of days (inclusive, each merchant's own calendar). Money in minor
 * units of {@code currency}; when merchants of several currencies are summed, {@code currency} is null
 * and {@code gmvByCurrency} splits the sales. Rates are 0..1, null when nothing was measured.
 * {@code orders} counts every order placed; {@code gmv} and {@code averageOrderValue} count only those
 * not rejected or cancelled.
 */
record Summary(LocalDate from, LocalDate to, String merchantId, long orders, long gmv, String currency,
        Map<String, Long> gmvByCurrency, Long averageOrderValue, Map<String, ChannelFigures> byChannel,
        Map<String, Long> byStatus, List<Period> byDay, List<Period> byWeek, List<MerchantFigures> byMerchant,
        List<TopItem> topItems, Funnel funnel, Double onTimeRate, Kitchen kitchen, Delivery delivery,
        Customers customers, Understanding understanding) {

    record ChannelFigures(long orders, long gmv) {
    }

    /** A day ("2026-11-30") or an ISO week ("2026-W49"). */
    record Period(String period, long orders, long gmv) {
    }

    record MerchantFigures(String merchantId, String name, String currency, long orders, long gmv) {
    }

    record TopItem(String merchantId, String itemId, String name, long quantity, long gmv) {
    }

    /**
     * Conversation to delivery. {@code conversations} and {@code carts} are null until the conversation
     * reports them; {@code confirmed} is orders placed, {@code paid} those the kitchen accepted (cash
     * on delivery is committed then), {@code delivered} those handed to the customer.
     */
    record Funnel(Long conversations, Long carts, long confirmed, long paid, long delivered, List<DropOut> dropOuts) {
    }

    record DropOut(String from, String to, long lost) {
    }

    record Kitchen(long accepted, Double averageSecondsToAccept, Double averagePromisedMinutes,
            Double averageReadyMinutes, Double readyLateRate, long autoRejections) {
    }

    /** {@code perDriver} stays empty until deliveries report their drivers to analytics. */
    record Delivery(long delivered, Double onTimeRate, Double averageDeliveryMinutes, List<Object> perDriver) {
    }

    /** {@code repeatRate}: the share of orders from customers who had ordered from that merchant before. */
    record Customers(long newCustomers, long returningOrders, Double repeatRate) {
    }

    /** Nothing records understanding per message yet; the section says so instead of showing zeros. */
    record Understanding(boolean recorded, Double notUnderstoodRate, Double clarificationsPerOrder,
            Double llmFallbackRate, Double llmAverageMillis) {
        static final Understanding NOT_RECORDED = new Understanding(false, null, null, null, null);
    }
}
