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
record Summary(
        LocalDate from,
        LocalDate to,
        String merchantId,
        long orders,
        long gmv,
        String currency,
        Map<String, Long> gmvByCurrency,
        Long averageOrderValue,
        Map<String, ChannelFigures> byChannel,
        Map<String, Long> byStatus,
        List<Period> byDay,
        List<Period> byWeek,
        List<MerchantFigures> byMerchant,
        List<TopItem> topItems,
        Funnel funnel,
        Double onTimeRate,
        Kitchen kitchen,
        Delivery delivery,
        Customers customers,
        Understanding understanding) {

    record ChannelFigures(long orders, long gmv) {}

    /** A day ("2026-11-30") or an ISO week ("2026-W49"). */
    record Period(String period, long orders, long gmv) {}

    record MerchantFigures(String merchantId, String name, String currency, long orders, long gmv) {}

    record TopItem(String merchantId, String itemId, String name, long quantity, long gmv) {}

    /**
     * Conversation to delivery. {@code conversations} started in the range and {@code carts} (those
     * that showed a cart); {@code confirmed} is orders placed, {@code paid} those the kitchen accepted
     * (cash on delivery is committed then), {@code delivered} those handed to the customer.
     * {@code leftAt}: the conversations that placed no order, by what the bot last asked, most first.
     */
    record Funnel(
            Long conversations,
            Long carts,
            long confirmed,
            long paid,
            long delivered,
            List<DropOut> dropOuts,
            List<LeftAt> leftAt) {}

    record DropOut(String from, String to, long lost) {}

    /** {@code question}: confirm_cart, address, payment, email, which_item, not_understood, ... (see ConversationUpdated). */
    record LeftAt(String question, long conversations) {}

    record Kitchen(
            long accepted,
            Double averageSecondsToAccept,
            Double averagePromisedMinutes,
            Double averageReadyMinutes,
            Double readyLateRate,
            long autoRejections) {}

    /** {@code perDriver}: every driver who completed a delivery in the range, most deliveries first. */
    record Delivery(long delivered, Double onTimeRate, Double averageDeliveryMinutes, List<DriverFigures> perDriver) {}

    record DriverFigures(
            String driverId, String name, long deliveries, Double onTimeRate, Double averageDeliveryMinutes) {}

    /** {@code repeatRate}: the share of orders from customers who had ordered from that merchant before. */
    record Customers(long newCustomers, long returningOrders, Double repeatRate) {}

    /**
     * Of the customers' {@code messages} in conversations started in the range ({@code recorded}: any):
     * the share answered "didn't catch that", questions about what was meant per order placed, the
     * share read with the local model's help, and the model's average time per call.
     */
    record Understanding(
            boolean recorded,
            Double notUnderstoodRate,
            Double clarificationsPerOrder,
            Double llmFallbackRate,
            Double llmAverageMillis,
            long messages) {}
}
