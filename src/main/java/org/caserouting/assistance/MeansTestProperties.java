package org.caserouting.assistance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param municipality the municipality whose thresholds the city's cases are tested against (a
 *     code of dmn/means-test-thresholds.dmn: TPE, KHH)
 */
@ConfigurationProperties("caserouting.means-test")
public record MeansTestProperties(@DefaultValue("TPE") String municipality) {}
