package io.tiffin.identity.internal;

import io.tiffin.identity.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Users extends MongoRepository<User, String> {

    Optional<User> findByEmail(String email);

    boolean existsByRole(Role role);

    List<User> findByMerchantIdOrderByEmail(String merchantId);
}
