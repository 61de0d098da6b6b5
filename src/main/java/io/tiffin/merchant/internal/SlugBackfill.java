package io.tiffin.merchant.internal;

import io.tiffin.merchant.Merchant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Merchants stored before public links used slugs get one at start; a merchant keeps its slug for good. */
@Component
@Order(5)
class SlugBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SlugBackfill.class);

    private final Merchants merchants;

    SlugBackfill(Merchants merchants) {
        this.merchants = merchants;
    }

    @Override
    public void run(ApplicationArguments args) {
        int assigned = 0;
        for (Merchant merchant : merchants.findBySlugIsNull()) {
            if (merchant.ensureSlug()) {
                try {
                    merchants.save(merchant);
                    assigned++;
                } catch (org.springframework.dao.OptimisticLockingFailureException changedMeanwhile) {
                    // another instance starting at the same moment got there first, or an owner saved a change; next
                    // start retries
                }
            }
        }
        if (assigned > 0) {
            log.info("gave {} merchants a public link slug", assigned);
        }
    }
}
