package dev.tuneagent.core.space;

/** A value that does not belong to a parameter or a space; the message names the parameter and the bounds. */
public class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
