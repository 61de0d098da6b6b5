/**
 * SMS through Twilio: the signed form-encoded webhook, opt-out keywords, numbered choices, replies
 * shaped to few segments, and the REST client that sends them.
 */
package io.tiffin.channel.sms;
