package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's menu over HTTP, as JSON or as the flat CSV form (docs/menu-csv.md). */
@RestController
@RequestMapping("/api/v1/merchants/{merchantId}/menu")
class MenuController {

    private final MenuAdministration menus;

    MenuController(MenuAdministration menus) {
        this.menus = menus;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot get(@PathVariable String merchantId) {
        return menus.menuOf(merchantId);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot put(@PathVariable String merchantId, @RequestBody Menu menu) {
        return menus.replace(merchantId, menu);
    }

    @PutMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot putCsv(@PathVariable String merchantId, @RequestBody String csv) {
        return menus.replaceFromCsv(merchantId, csv);
    }
}
