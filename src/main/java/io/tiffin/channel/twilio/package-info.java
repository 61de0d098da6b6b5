/** Twilio SMS and voice: request signature verification ({@code X-Twilio-Signature}). */
package io.tiffin.channel.twilio;
