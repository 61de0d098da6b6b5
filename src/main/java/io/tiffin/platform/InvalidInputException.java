package io.tiffin.platform;

import java.util.List;

/** Answers 400 with every problem found, each as a path into the input and a reason. */
public class InvalidInputException extends RuntimeException {

    public record Problem(String path, String reason) {}

    private final List<Problem> problems;

    public InvalidInputException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String path, String reason) {
        this("invalid input", List.of(new Problem(path, reason)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
