package io.tiffin.notification.mail;

/** Hands one email to a provider; throws when it did not take it (the caller's event is retried). */
interface Mailer {

    /** Answers the provider's message id, when it gives one. */
    String send(Email email) throws Exception;
}
