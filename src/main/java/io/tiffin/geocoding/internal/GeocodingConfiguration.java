package io.tiffin.geocoding.internal;

import io.tiffin.geocoding.Geocoder;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GeocoderProperties.class)
class GeocodingConfiguration {

    @Bean
    Geocoder geocoder(
            GeocoderProperties properties, @Value("${tiffin.public-url:http://localhost:8080}") String publicUrl) {
        if (properties.url() == null || properties.url().isBlank()) {
            return new Geocoder() {
                @Override
                public boolean enabled() {
                    return false;
                }

                @Override
                public Optional<Place> locate(String address, Near near) {
                    return Optional.empty();
                }
            };
        }
        return new NominatimGeocoder(properties, "Tiffin/1.0 (+" + publicUrl + ")");
    }
}
