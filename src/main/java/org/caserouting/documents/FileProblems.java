package org.caserouting.documents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** Why the applicant's files were not taken, each an RFC 9457 problem. */
public final class FileProblems {

  private FileProblems() {}

  /** One refused file: the document it was to answer, its name, and why. */
  public record Problem(String documentCode, String fileName, String reason) {}

  /** Files refused; nothing of the application or supplement was stored. */
  public static final class Refused extends ApiProblem {
    private static final long serialVersionUID = 1L;

    Refused(List<Problem> problems) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "files-refused", "檔案未予收件 Files refused",
          problems.size() + " 個檔案未予收件，申請未受理 " + problems.size()
              + " file(s) refused; nothing was stored: " + problems.get(0).reason(),
          Map.of("files", List.copyOf(problems)));
    }
  }

  /** The malware scanner is down: nothing unscanned is stored, so the upload waits. */
  public static final class ScannerDown extends ApiProblem {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    ScannerDown(Duration retryAfter, Throwable cause) {
      super(HttpStatus.SERVICE_UNAVAILABLE, "scanner-unavailable", "暫時無法收件 Files cannot be taken now",
          "檔案掃毒服務暫停，請稍後再送 the malware scanner is not answering; nothing was stored, send again later",
          Map.of());
      this.retryAfter = retryAfter;
      initCause(cause);
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.of(retryAfter);
    }
  }
}
