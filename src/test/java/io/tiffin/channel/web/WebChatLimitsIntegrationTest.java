package io.tiffin.channel.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiffin.platform.TooManyRequestsException;
import io.tiffin.support.IntegrationTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The web chat's limits on the app's Redis, with small numbers so each one is reached. */
class WebChatLimitsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private LettuceConnectionFactory redis;

    private WebChatLimits limits;

    @AfterEach
    void close() {
        if (limits != null) {
            limits.destroy();
        }
    }

    @Test
    void aMerchantTakesSoManyNewChatsAnHourWhateverTheAddresses() {
        limits = new WebChatLimits(redis, new WebChatLimits.Limits(20, 60, 600, 10, 3));
        String merchant = "m-" + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            limits.checkMessage(merchant, UUID.randomUUID().toString(), "198.18.0." + i);
        }
        assertThatThrownBy(() -> limits.checkMessage(merchant, UUID.randomUUID().toString(), "198.18.1.1"))
                .isInstanceOf(TooManyRequestsException.class);
        // another merchant is not affected
        limits.checkMessage("m-" + UUID.randomUUID(), UUID.randomUUID().toString(), "198.18.1.1");
    }

    @Test
    void aMerchantTakesSoManyMessagesAMinute() {
        limits = new WebChatLimits(redis, new WebChatLimits.Limits(20, 60, 5, 10, 300));
        String merchant = "m-" + UUID.randomUUID();
        String session = UUID.randomUUID().toString();

        for (int i = 0; i < 5; i++) {
            limits.checkMessage(merchant, session, "198.18.2.1");
        }
        assertThatThrownBy(() -> limits.checkMessage(merchant, UUID.randomUUID().toString(), "198.18.2.2"))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("try again");
    }

    @Test
    void anAddressTakesSoManyMessagesAMinute() {
        limits = new WebChatLimits(redis, new WebChatLimits.Limits(20, 4, 600, 10, 300));
        String address = "198.18.3." + (System.nanoTime() % 250 + 1) + "-" + UUID.randomUUID();

        for (int i = 0; i < 4; i++) {
            limits.checkAddress(address);
        }
        assertThatThrownBy(() -> limits.checkAddress(address)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aRefusedNewChatIsNotRememberedAsStarted() {
        limits = new WebChatLimits(redis, new WebChatLimits.Limits(20, 60, 600, 1, 300));
        String merchant = "m-" + UUID.randomUUID();
        String address = "198.18.4.1-" + UUID.randomUUID();
        limits.checkMessage(merchant, UUID.randomUUID().toString(), address);
        String refused = UUID.randomUUID().toString();

        assertThatThrownBy(() -> limits.checkMessage(merchant, refused, address))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> limits.checkMessage(merchant, refused, address))
                .isInstanceOf(TooManyRequestsException.class);
        // from an address with allowance left, the same session starts (no exception)
        limits.checkMessage(merchant, refused, "198.18.4.2-" + UUID.randomUUID());
    }
}
