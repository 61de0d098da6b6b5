package io.tiffin.dispatch.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Deliveries extends MongoRepository<Delivery, String> {

    Optional<Delivery> findByOrderId(String orderId);

    Optional<Delivery> findByTrackingToken(String trackingToken);

    List<Delivery> findByMerchantIdAndStatusIn(String merchantId, Collection<DeliveryStatus> statuses);

    List<Delivery> findByDriverIdAndStatusIn(String driverId, Collection<DeliveryStatus> statuses);

    List<Delivery> findByStatusIn(Collection<DeliveryStatus> statuses);

    /** Deliveries of a merchant that closed in [from, to): the day's cash is counted from them. */
    @org.springframework.data.mongodb.repository.Query(
            "{ 'merchantId': ?0, 'status': ?1, 'closedAt': { '$gte': ?2, '$lt': ?3 } }")
    List<Delivery> closedBetween(
            String merchantId, DeliveryStatus status, java.time.Instant from, java.time.Instant to);
}
