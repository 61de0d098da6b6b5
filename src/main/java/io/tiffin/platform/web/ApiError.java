package io.tiffin.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiffin.platform.InvalidInputException.Problem;
import java.util.List;

/** The one error body every endpoint answers with. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, List<Problem> problems) {

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }
}
