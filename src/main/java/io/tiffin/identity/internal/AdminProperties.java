package io.tiffin.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("tiffin.admin")
record AdminProperties(@DefaultValue("admin@tiffin.local") String email, String password) {}
