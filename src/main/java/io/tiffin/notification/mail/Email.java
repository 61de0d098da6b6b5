package io.tiffin.notification.mail;

/**
 * One email to send once: {@code key} names it (e.g. {@code receipt:<orderId>}) so a redelivered event
 * finds it sent; {@code kind} says what it is for the outbox reader. Both bodies are always there:
 * mail clients that show no HTML show the text.
 */
public record Email(String key, String kind, String to, String subject, String html, String text) {}
