package org.caserouting.receipts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwk the signing key as a JSON Web Key (EC P-256, with its private part); a secret, to
 *     come from the environment in production
 * @param keyFile where the demo keeps a key it generates on first start, when no jwk is given;
 *     without either, a key is generated for this run only. Readable by its owner only.
 * @param retiredKeys the public parts of keys no longer signing, as a JWK set (JSON): receipts
 *     they signed still verify. See the README on rotating the key.
 */
@ConfigurationProperties("caserouting.receipts")
public record ReceiptProperties(String jwk, String keyFile, String retiredKeys) {}
