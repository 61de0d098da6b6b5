package io.tiffin.dispatch.fleet;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Drivers extends MongoRepository<Driver, String> {

    List<Driver> findByMerchantId(String merchantId);
}
