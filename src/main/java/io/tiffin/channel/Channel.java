package io.tiffin.channel;

/** Where a customer talks to us. The name is stored with sessions, inbox entries and orders. */
public enum Channel {
    WHATSAPP,
    INSTAGRAM,
    SMS,
    VOICE,
    TELEGRAM,
    WEB
}
