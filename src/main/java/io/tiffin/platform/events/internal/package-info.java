/**
 * The event relay: wake-ups on save, the sweep, the {@code event_deliveries} log and the operators' API.
 */
package io.tiffin.platform.events.internal;
