package io.tiffin.ordering.internal;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Orders extends MongoRepository<Order, String> {

    List<Order> findByMerchantIdOrderByCreatedAtDesc(String merchantId, Pageable page);

    List<Order> findByMerchantIdAndStatusOrderByCreatedAtDesc(String merchantId, OrderStatus status, Pageable page);

    // a phone number only counts when the channel vouched for it (not one typed into the web chat)
    Optional<Order> findFirstByMerchantIdAndCustomerPhoneAndCustomerVerifiedOrderByCreatedAtDesc(
            String merchantId, String phone, Boolean verified);

    Optional<Order> findFirstByMerchantIdAndChannelAndCustomerIdOrderByCreatedAtDesc(
            String merchantId, String channel, String customerId);

    Optional<Order> findFirstByMerchantIdAndChannelAndCustomerIdAndFulfilmentOrderByCreatedAtDesc(
            String merchantId, String channel, String customerId, Order.FulfilmentType fulfilment);

    Optional<Order> findFirstByMerchantIdAndCustomerPhoneAndCustomerVerifiedAndFulfilmentOrderByCreatedAtDesc(
            String merchantId, String phone, Boolean verified, Order.FulfilmentType fulfilment);

    Optional<Order> findByPlacementKey(String placementKey);

    Optional<Order> findByIdAndMerchantId(String id, String merchantId);

    /** Orders still waiting for the merchant that were placed before the given time, oldest first. */
    List<Order> findByStatusAndCreatedAtBeforeOrderByCreatedAtAsc(
            OrderStatus status, java.time.Instant before, Pageable page);

    @org.springframework.data.mongodb.repository.Query("{ 'merchantId': ?0, 'createdAt': { '$gte': ?1, '$lt': ?2 } }")
    List<Order> createdBetween(String merchantId, java.time.Instant from, java.time.Instant to);
}
