package io.tiffin.ordering.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/merchants/{merchantId}/orders")
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "The merchant's orders, newest first, optionally of one status")
    List<Order> list(@PathVariable String merchantId, @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        return orders.list(merchantId, status, limit);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order of the merchant")
    Order get(@PathVariable String merchantId, @PathVariable String orderId) {
        return orders.get(merchantId, orderId);
    }
}
