package io.tiffin.dispatch.delivery;

/** The customer's code did not match (422), or it did not match too often and the drop-off is locked (423). */
public class WrongCodeException extends RuntimeException {

    private final int attemptsLeft;

    public WrongCodeException(int attemptsLeft) {
        super(
                attemptsLeft > 0
                        ? "wrong delivery code; " + attemptsLeft + " attempts left"
                        : "too many wrong codes: the delivery is locked until the merchant resolves it");
        this.attemptsLeft = attemptsLeft;
    }

    public int attemptsLeft() {
        return attemptsLeft;
    }

    public boolean locked() {
        return attemptsLeft == 0;
    }
}
