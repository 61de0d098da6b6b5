package io.tiffin.dispatch.delivery;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /t/{token}}: the tracking page, one static file that reads its token from the address. */
@Controller
class TrackingPage {

    @GetMapping("/t/{token}")
    String page(@PathVariable String token) {
        return "forward:/track/index.html";
    }
}
