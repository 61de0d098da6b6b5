package io.tiffin.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts provider webhooks as they arrive, over the last second. Background work that can wait
 * (handling what was already acknowledged) checks it to step aside during a burst, because a provider
 * that gets slow answers retries and, in the end, stops sending.
 */
public final class WebhookLoad extends OncePerRequestFilter {

    private static final int SLOTS = 10;
    private static final long SLOT_NANOS = 100_000_000L;

    // per 100 ms slot: which slot of time it currently counts, and how many arrived in it
    private final AtomicLongArray slotTime = new AtomicLongArray(SLOTS);
    private final AtomicLongArray slotCount = new AtomicLongArray(SLOTS);

    /** Webhooks that arrived during the last second. */
    public long perSecond() {
        long now = System.nanoTime() / SLOT_NANOS;
        long sum = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (now - slotTime.get(i) < SLOTS) {
                sum += slotCount.get(i);
            }
        }
        return sum;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        count();
        chain.doFilter(request, response);
    }

    private void count() {
        long now = System.nanoTime() / SLOT_NANOS;
        int slot = (int) (now % SLOTS);
        long time = slotTime.get(slot);
        if (time != now && slotTime.compareAndSet(slot, time, now)) {
            slotCount.set(slot, 0);
        }
        slotCount.incrementAndGet(slot);
    }
}
