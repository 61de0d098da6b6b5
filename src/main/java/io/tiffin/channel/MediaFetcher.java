package io.tiffin.channel;

/**
 * Downloads the media a customer sent (a voice note), through the provider's own API, from the
 * provider's own hosts only, and never more than the size cap.
 *
 * @throws MediaRefusedException the media will never be fetched (too large, not an allowed host, a
 *     provider without media download): tell the customer, do not retry
 * Any other exception is a passing failure and worth retrying.
 */
public interface MediaFetcher {

    byte[] fetch(InboundMessage message);
}
