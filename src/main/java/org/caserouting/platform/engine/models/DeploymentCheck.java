package org.caserouting.platform.engine.models;

import java.util.List;
import java.util.Map;

/**
 * A check a capability makes of every new deployment, beside the model policy: a rule that needs
 * more than the models themselves, such as the catalog. Its violations refuse the deployment,
 * through any client, as the policy's do.
 */
public interface DeploymentCheck {

  /** The violations of the deployment's resources (name to bytes); empty when it may be deployed. */
  List<ModelPolicy.Violation> check(Map<String, byte[]> resources);
}
