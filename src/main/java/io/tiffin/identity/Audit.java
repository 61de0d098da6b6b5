package io.tiffin.identity;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The audit log records every data-changing API call of an admin or a merchant owner by itself (who,
 * what, when, the request and the answer). A controller that knows the state before its change hands
 * it here, and the entry shows it beside the answer as "before" and "after".
 */
public final class Audit {

    public static final String BEFORE = Audit.class.getName() + ".before";

    private Audit() {}

    public static void before(Object snapshot) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(BEFORE, snapshot, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
