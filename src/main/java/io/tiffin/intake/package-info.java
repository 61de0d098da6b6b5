/**
 * Intake: the durable inbox. Every inbound message is stored (unique on channel and provider message
 * id) before the webhook answers, then handled asynchronously through Spring Integration: one message
 * at a time per conversation, in arrival order, conversations in parallel; failures are retried with
 * backoff and end as visible dead letters; whatever was accepted before a crash is handled after restart.
 */
package io.tiffin.intake;
