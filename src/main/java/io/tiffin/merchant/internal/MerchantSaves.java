package io.tiffin.merchant.internal;

import io.tiffin.merchant.Merchant;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/** Every save of a merchant in this process, through a repository or the template, refreshes its cached read. */
@Component
class MerchantSaves extends AbstractMongoEventListener<Merchant> {

    private final MerchantService merchants;

    MerchantSaves(MerchantService merchants) {
        this.merchants = merchants;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Merchant> event) {
        Merchant saved = event.getSource();
        if (saved != null && saved.id() != null) {
            merchants.forget(saved.id());
        }
    }
}
