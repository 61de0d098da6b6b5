/**
 * Analytics: read models for the dashboards. One fact per order (what it sold, on which channel, how
 * the kitchen and the delivery did) and one roll-up per merchant per day in the merchant's time zone,
 * kept up to date by durable order events and rebuildable from the orders collection
 * ({@code analytics-rebuild}). Summaries read roll-ups only, so a year answers as fast as a day.
 */
package io.tiffin.analytics;
