package io.tiffin.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web apps live in folders; their bare folder URLs open their index page. A customer's tracking
 * link {@code /t/{token}} opens the tracking page, which reads the token from its own address.
 * Webhooks are counted.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String[] APPS = {"chat", "merchant", "driver", "admin"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String app : APPS) {
            registry.addRedirectViewController("/" + app, "/" + app + "/");
            registry.addViewController("/" + app + "/").setViewName("forward:/" + app + "/index.html");
        }
        registry.addViewController("/t/{token}").setViewName("forward:/track/index.html");
    }

    @Bean
    WebhookLoad webhookLoad() {
        return new WebhookLoad();
    }

    @Bean
    FilterRegistrationBean<WebhookLoad> webhookLoadRegistration(WebhookLoad load) {
        FilterRegistrationBean<WebhookLoad> registration = new FilterRegistrationBean<>(load);
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
