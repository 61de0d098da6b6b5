package io.tiffin.platform.events;

import java.util.List;

/**
 * A {@link DurableEventHandler} that takes every event one relay pass has for it at once, so that
 * reports of many documents can share their store work (one write for many, where one write per
 * event would cost more than the events' own handling). The events come in their documents' order
 * (one document's in the order it recorded them). Throwing means none of them is done: each is
 * retried (or dead-lettered) as if it had failed alone, so the handler must tolerate a repeat of
 * those it did handle before it failed.
 */
public interface BatchEventHandler<E> extends DurableEventHandler<E> {

    void handleAll(List<E> events) throws Exception;

    @Override
    default void handle(E event) throws Exception {
        handleAll(List.of(event));
    }
}
