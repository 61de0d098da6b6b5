package io.tiffin.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The driver's command metrics: off with the embedded store unless asked for, on with a real MongoDB. */
class EmbeddedStoreDefaultsUnitTest {

    private static final String COMMAND_METRICS = "management.metrics.mongodb.command.enabled";

    @Test
    void offWithTheEmbeddedStore() {
        MockEnvironment environment = new MockEnvironment();

        new EmbeddedStoreDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(COMMAND_METRICS)).isEqualTo("false");
    }

    @Test
    void anExplicitSettingWins() {
        MockEnvironment environment = new MockEnvironment().withProperty(COMMAND_METRICS, "true");

        new EmbeddedStoreDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(COMMAND_METRICS)).isEqualTo("true");
    }

    @Test
    void leftAloneWithARealMongoDb() {
        MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_URI", "mongodb://db:27017/tiffin");

        new EmbeddedStoreDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(COMMAND_METRICS)).isNull();
    }
}
