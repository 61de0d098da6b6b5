package io.tiffin.conversation.internal;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Sessions extends MongoRepository<Session, String> {

    Optional<Session> findByMerchantIdAndChannelAndCustomerId(String merchantId, String channel, String customerId);
}
