package org.caserouting.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled seed demo users, groups and authorizations at start (default profile only)
 * @param password the password of every demo user; a demo secret, never used outside the demo
 * @param applications with {@code enabled}, submit a few sample applications when there are none,
 *     so Tasklist has work in it on the first visit
 */
@ConfigurationProperties("caserouting.demo")
public record DemoProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("demo") String password,
    @DefaultValue("true") boolean applications) {}
