package org.caserouting.documents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the applicant's files may be, and where they are scanned.
 *
 * @param maxFileSize the largest file taken
 * @param maxFilesPerDocument files that may answer one required document (pages scanned one by one)
 * @param clamd the ClamAV daemon that scans every file before anything is stored
 */
@ConfigurationProperties("caserouting.documents")
public record DocumentProperties(
    @DefaultValue("10MB") DataSize maxFileSize,
    @DefaultValue("5") int maxFilesPerDocument,
    @DefaultValue Clamd clamd) {

  /**
   * @param host where clamd listens (TCP)
   * @param port its TCPSocket
   * @param timeout how long a connection and a scan may take before the scanner counts as down
   * @param retryAfter what a refused upload tells the portal to wait while the scanner is down
   */
  public record Clamd(
      @DefaultValue("localhost") String host,
      @DefaultValue("3310") int port,
      @DefaultValue("PT10S") Duration timeout,
      @DefaultValue("PT30S") Duration retryAfter) {}
}
