package org.caserouting.platform.engine.models;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param byClients whether a signed-in client (Camunda Modeler, any engine REST or Tasklist API
 *     caller) may deploy models. On in the demo, where process owners try their changes; off in
 *     profile {@code postgres}, where models come only from the repository's folders at start, as
 *     released (docs/process-owners.md). A staging server may turn it on.
 */
@ConfigurationProperties("caserouting.models.deployments")
public record ModelDeploymentProperties(@DefaultValue("true") boolean byClients) {}
