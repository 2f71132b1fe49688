package org.caserouting.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.caserouting.platform.Sha256;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A sign-in with a user name and a secret: a machine client's key (compared with its configured
 * hash, outside the engine), or a person's password (the engine's users and groups). A machine
 * client's name never reaches the engine's password check, whatever is sent with it.
 */
public class SignIn implements AuthenticationProvider {

  private final SignInProperties properties;
  private final EngineIdentityAuthentication people;

  public SignIn(SignInProperties properties, EngineIdentityAuthentication people) {
    this.properties = properties;
    this.people = people;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    SignInProperties.MachineClient machine = properties.machineClients().get(authentication.getName());
    if (machine == null) {
      return people.authenticate(authentication);
    }
    Object key = authentication.getCredentials();
    if (key == null || machine.keySha256() == null || machine.keySha256().isBlank()
        || !MessageDigest.isEqual(
            HexFormat.of().parseHex(Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8))),
            HexFormat.of().parseHex(machine.keySha256().strip().toLowerCase(java.util.Locale.ROOT)))) {
      throw new BadCredentialsException("Unknown client or wrong key");
    }
    List<SimpleGrantedAuthority> groups = machine.groups().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, groups);
  }

  @Override
  public boolean supports(Class<?> type) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
  }
}
