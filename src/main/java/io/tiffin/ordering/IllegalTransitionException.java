package io.tiffin.ordering;

import io.tiffin.platform.ConflictException;

/** A command the order's current status does not allow; another tablet usually got there first. */
public class IllegalTransitionException extends ConflictException {

    private final OrderStatus status;
    private final OrderCommand command;

    public IllegalTransitionException(OrderStatus status, OrderCommand command) {
        super("an order that is " + status + " cannot take " + command);
        this.status = status;
        this.command = command;
    }

    public OrderStatus status() {
        return status;
    }

    public OrderCommand command() {
        return command;
    }
}
