package org.caserouting.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled seed demo users, groups and authorizations at start (default profile only)
 * @param password the password of every demo user; a demo secret, never used outside the demo
 */
@ConfigurationProperties("caserouting.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("demo") String password) {}
