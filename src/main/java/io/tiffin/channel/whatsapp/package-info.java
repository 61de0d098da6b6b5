/**
 * WhatsApp Cloud API: the signed webhook, mapping of its payloads to canonical messages, rendering of
 * outbound messages within WhatsApp's limits, and the Graph API client that sends them.
 */
package io.tiffin.channel.whatsapp;
