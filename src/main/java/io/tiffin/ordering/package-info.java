/**
 * Ordering: server-side pricing of carts against the menu, orders with short human numbers, their
 * status and timeline. Prices never come from anywhere but the catalog.
 */
package io.tiffin.ordering;
