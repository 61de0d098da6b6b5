/**
 * Instagram Messaging: the signed webhook, mapping of DMs (text, quick replies, postbacks,
 * attachments, story replies and mentions, unsends) to canonical messages, and the Send API client
 * with replies rendered as text and quick replies within Instagram's limits.
 */
package io.tiffin.channel.instagram;
