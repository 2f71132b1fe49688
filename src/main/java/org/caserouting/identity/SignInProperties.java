package org.caserouting.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people and machines sign in.
 *
 * @param freeFailures wrong passwords an address may send before it has to wait (typing mistakes)
 * @param firstPause the wait after the first failure beyond those; it doubles with each further one
 * @param longestPause the longest wait; the right password works again from that address after it
 * @param rememberedAddresses how many addresses the failures are counted for, the least recent forgotten first
 * @param forgetAfter an address that sent nothing wrong for this long starts afresh
 * @param machineClients systems that sign in with a key rather than a person's password (the city
 *     portal, the monitoring system): name to the SHA-256 of its key and its groups. The key is
 *     checked here, never by the engine's password check, so nobody can exhaust it.
 */
@ConfigurationProperties("caserouting.sign-in")
public record SignInProperties(
    @DefaultValue("5") int freeFailures,
    @DefaultValue("PT1S") Duration firstPause,
    @DefaultValue("PT60S") Duration longestPause,
    @DefaultValue("10000") int rememberedAddresses,
    @DefaultValue("PT15M") Duration forgetAfter,
    Map<String, MachineClient> machineClients) {

  /**
   * @param keySha256 hex SHA-256 of the client's key; empty leaves the client unable to sign in
   * @param groups the groups it acts in, e.g. portal
   */
  public record MachineClient(String keySha256, List<String> groups) {}

  public SignInProperties {
    machineClients = machineClients == null ? Map.of() : Map.copyOf(machineClients);
  }
}
