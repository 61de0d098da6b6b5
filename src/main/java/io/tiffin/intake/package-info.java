/**
 * Intake: the durable inbox. Every inbound message is made durable before the webhook answers (in the
 * inbox journal on local disk with the embedded store, in the inbox collection with a real MongoDB;
 * the inbox is unique on channel and provider message id), then handled asynchronously through
 * Spring Integration: one message
 * at a time per conversation, in arrival order, conversations in parallel; failures are retried with
 * backoff and end as visible dead letters; whatever was accepted before a crash is handled after restart.
 */
package io.tiffin.intake;
