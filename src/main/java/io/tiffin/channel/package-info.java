/**
 * Channels: every provider's webhook (signature check on the raw body, mapping to the canonical
 * {@link io.tiffin.channel.InboundMessage}) and outbound rendering of
 * {@link io.tiffin.channel.OutboundMessage} in each provider's own format. Provider SDKs and payload
 * shapes stay inside this module.
 */
package io.tiffin.channel;
