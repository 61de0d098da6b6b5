package io.tiffin.platform.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map tiles the driver app and the tracking page draw under their markers. Any slippy-map server
 * with a {@code {z}/{x}/{y}} URL template works; the pages stay usable when it cannot be reached.
 */
@ConfigurationProperties("tiffin.maps")
public record MapProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        String tileUrl,

        @DefaultValue("© OpenStreetMap contributors") String attribution,
        @DefaultValue("19") int maxZoom) {

    /**
     * The tile server's origin as a Content-Security-Policy source ({@code {s}} subdomains become
     * {@code *}), so the pages may load its images and nothing else from elsewhere; empty when the
     * template is not an absolute http(s) URL (tiles then come from this app itself).
     */
    public String cspSource() {
        String template = tileUrl == null ? "" : tileUrl.trim();
        int schemeEnd = template.indexOf("://");
        if (schemeEnd < 0) {
            return "";
        }
        String scheme = template.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int hostEnd = template.indexOf('/', schemeEnd + 3);
        String host = (hostEnd < 0 ? template.substring(schemeEnd + 3) : template.substring(schemeEnd + 3, hostEnd))
                .replace("{s}", "*");
        if (!scheme.equals("https") && !scheme.equals("http") || !host.matches("[A-Za-z0-9.*:\\-\\[\\]]+")) {
            return "";
        }
        try {
            URI.create(scheme + "://" + host.replace("*", "x"));
        } catch (IllegalArgumentException e) {
            return "";
        }
        return scheme + "://" + host;
    }
}
