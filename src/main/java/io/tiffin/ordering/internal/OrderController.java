package io.tiffin.ordering.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's orders and the kitchen's commands on them. Every command answers the order as
 * stored; a command the order's status does not allow, or a lost race with another tablet, is 409.
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchantId}/orders")
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class OrderController {

    record Accept(@NotNull @Min(1) @Max(240) Integer prepMinutes) {}

    record Reason(@NotBlank @Size(max = 200) String reason) {}

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "The merchant's orders, newest first, optionally of one status")
    List<Order> list(
            @PathVariable String merchantId,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        return orders.list(merchantId, status, limit);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order of the merchant")
    Order get(@PathVariable String merchantId, @PathVariable String orderId) {
        return orders.get(merchantId, orderId);
    }

    @PostMapping("/{orderId}/accept")
    @Operation(summary = "Accept a placed order, promising it ready in prepMinutes; the customer is told")
    Order accept(@PathVariable String merchantId, @PathVariable String orderId, @Valid @RequestBody Accept body) {
        return orders.transition(merchantId, orderId, (order, now) -> order.accept(body.prepMinutes(), now));
    }

    @PostMapping("/{orderId}/reject")
    @Operation(summary = "Reject a placed order with a reason the customer is told")
    Order reject(@PathVariable String merchantId, @PathVariable String orderId, @Valid @RequestBody Reason body) {
        return orders.transition(merchantId, orderId, (order, now) -> order.reject(body.reason(), now));
    }

    @PostMapping("/{orderId}/preparing")
    @Operation(summary = "Mark an accepted order as being prepared")
    Order preparing(@PathVariable String merchantId, @PathVariable String orderId) {
        return orders.transition(merchantId, orderId, (order, now) -> order.startPreparing(now));
    }

    @PostMapping("/{orderId}/ready")
    @Operation(summary = "Mark an order ready; the customer is told")
    Order ready(@PathVariable String merchantId, @PathVariable String orderId) {
        return orders.transition(merchantId, orderId, (order, now) -> order.markReady(now));
    }

    @PostMapping({"/{orderId}/picked-up", "/{orderId}/handed-over"})
    @Operation(summary = "Hand a ready order to the customer or driver; the customer is told")
    Order handOver(@PathVariable String merchantId, @PathVariable String orderId) {
        return orders.transition(merchantId, orderId, (order, now) -> order.handOver(now));
    }

    @PostMapping("/{orderId}/delivered")
    @Operation(summary = "Mark a picked-up order delivered")
    Order delivered(@PathVariable String merchantId, @PathVariable String orderId) {
        return orders.transition(merchantId, orderId, (order, now) -> order.deliver(now));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order that has not left the kitchen, with a reason")
    Order cancel(@PathVariable String merchantId, @PathVariable String orderId, @Valid @RequestBody Reason body) {
        return orders.transition(merchantId, orderId, (order, now) -> order.cancel(body.reason(), now));
    }
}
