package io.tiffin.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the map pages (driver app, tracking page) fetch their tiles; public, it holds no secret. */
@RestController
@Tag(name = "Tracking")
class MapConfigController {

    record MapConfig(String tileUrl, String attribution, int maxZoom) {}

    private final MapProperties maps;

    MapConfigController(MapProperties maps) {
        this.maps = maps;
    }

    @Operation(summary = "Map tile settings for the driver app and the tracking page (no login)")
    @GetMapping("/api/v1/maps/config")
    ResponseEntity<MapConfig> config() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(new MapConfig(maps.tileUrl(), maps.attribution(), maps.maxZoom()));
    }
}
