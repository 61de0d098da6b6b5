/**
 * Phone calls through Twilio Voice: the call's webhooks answer TwiML, what the caller says (Twilio's
 * own speech recognition, hinted with the menu's item names) goes through the same conversation as
 * any message, and the conversation's replies are read back with {@code <Say>}. See
 * channels/voice/README.md.
 */
package io.tiffin.channel.voice;
