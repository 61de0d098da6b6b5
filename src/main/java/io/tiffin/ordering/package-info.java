/**
 * Ordering: server-side pricing of carts against the menu, orders with short human numbers, and
 * their lifecycle: one table of allowed transitions ({@link io.tiffin.ordering.OrderLifecycle}), the
 * {@link io.tiffin.ordering.Order} aggregate applying it and recording the timeline, and the events
 * other modules react to ({@link io.tiffin.ordering.OrderPlaced}, {@link io.tiffin.ordering.OrderStatusChanged},
 * {@link io.tiffin.ordering.OrderNeedsAttention}), kept in the order's own {@code outbox} in the same
 * write as the change and delivered durably by the platform's event relay. Prices never come from
 * anywhere but the catalog.
 */
package io.tiffin.ordering;
