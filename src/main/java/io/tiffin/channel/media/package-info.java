/**
 * Media download shared by every provider: an allow-list of provider hosts (no other address is ever
 * requested, redirects included), a size cap and a timeout. Each provider's own step from a media id
 * to a URL stays in its package ({@link io.tiffin.channel.media.MediaSource}).
 */
package io.tiffin.channel.media;
