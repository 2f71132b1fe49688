package org.caserouting.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.RequiredDocument;
import org.springframework.stereotype.Service;

/**
 * Checks the applicant's files before anything of the application is stored: each answers a
 * document the type requires, within the limits, the malware scanner finds nothing in it, and it
 * is a PDF, JPEG or PNG by its bytes (Apache Tika), as its name says. Every problem of every file
 * is listed at once. Files outside the limits are refused before anything reads them.
 */
@Service
public class FileChecks {

  /** What each accepted type is called, by the media type Tika reads from the bytes. */
  private static final Map<String, String> ACCEPTED = Map.of(
      "application/pdf", "PDF", "image/jpeg", "JPEG", "image/png", "PNG");

  /** The media type a file's name promises, by its extension. */
  private static final Map<String, String> BY_EXTENSION = Map.of(
      "pdf", "application/pdf", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png");

  private final Tika tika = new Tika();
  private final MalwareScanner scanner;
  private final DocumentProperties limits;

  FileChecks(MalwareScanner scanner, DocumentProperties limits) {
    this.scanner = scanner;
    this.limits = limits;
  }

  /**
   * @throws FileProblems.Refused listing each refused file and why
   * @throws FileProblems.ScannerDown when the scanner cannot be asked; nothing is to be stored
   */
  public List<CheckedFile> check(CaseType type, List<Upload> uploads) {
    return check(type.getRequiredDocuments(), uploads);
  }

  /** The same against the documents one application requires: its type's, and a mandate when an agent files it. */
  public List<CheckedFile> check(List<RequiredDocument> documents, List<Upload> uploads) {
    Map<String, RequiredDocument> required = documents.stream()
        .collect(Collectors.toMap(RequiredDocument::getCode, document -> document, (a, b) -> a));
    List<FileProblems.Problem> problems = new ArrayList<>();
    Map<String, Integer> perDocument = new HashMap<>();
    for (Upload upload : uploads) {
      String problem = outsideLimits(upload, required, perDocument);
      if (problem != null) {
        problems.add(new FileProblems.Problem(upload.documentCode(), upload.fileName(), problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new FileProblems.Refused(problems);
    }
    // Every file is scanned, whatever it claims to be, so malware is named as such.
    List<CheckedFile> checked = new ArrayList<>();
    for (Upload upload : uploads) {
      MalwareScanner.Verdict verdict;
      try {
        verdict = scanner.scan(upload.content());
      } catch (MalwareScanner.ScannerUnavailable e) {
        throw new FileProblems.ScannerDown(limits.clamd().retryAfter(), e);
      }
      String mediaType = tika.detect(upload.content());
      String problem = verdict.clean() ? wrongType(upload, mediaType)
          : "檔案含有惡意程式，未予收件 the file contains malware (" + verdict.found() + ") and was not accepted";
      if (problem != null) {
        problems.add(new FileProblems.Problem(upload.documentCode(), upload.fileName(), problem));
      } else {
        checked.add(new CheckedFile(upload.documentCode(), upload.fileName(), mediaType, upload.content().length,
            upload.sha256(), upload.content()));
      }
    }
    if (!problems.isEmpty()) {
      throw new FileProblems.Refused(problems);
    }
    return checked;
  }

  /** What the file is said to be and how large it is, before anything reads its content. */
  private String outsideLimits(Upload upload, Map<String, RequiredDocument> required, Map<String, Integer> perDocument) {
    if (!required.containsKey(upload.documentCode())) {
      return "此申請類別不需要這項文件 the application type requires no document '" + upload.documentCode()
          + "'; it requires " + String.join(", ", required.keySet());
    }
    if (perDocument.merge(upload.documentCode(), 1, Integer::sum) > limits.maxFilesPerDocument()) {
      return "同一文件最多 " + limits.maxFilesPerDocument() + " 個檔案 at most " + limits.maxFilesPerDocument()
          + " files may answer one document";
    }
    if (upload.content().length == 0) {
      return "檔案是空的 the file is empty";
    }
    if (upload.content().length > limits.maxFileSize().toBytes()) {
      return "檔案超過 " + limits.maxFileSize().toMegabytes() + " MB the file is larger than "
          + limits.maxFileSize().toMegabytes() + " MB";
    }
    if (promisedType(upload) == null) {
      return "檔名須以 .pdf、.jpg 或 .png 結尾 the file name must end in .pdf, .jpg or .png";
    }
    return null;
  }

  /** Whether the bytes are what the name says, and one of the types taken. */
  private static String wrongType(Upload upload, String actual) {
    if (!ACCEPTED.containsKey(actual)) {
      return "檔案內容不是 PDF、JPEG 或 PNG the file's content is not a PDF, JPEG or PNG (it is " + actual + ")";
    }
    String promised = promisedType(upload);
    if (!actual.equals(promised)) {
      String extension = extension(upload);
      return "檔案內容是 " + ACCEPTED.get(actual) + "，與副檔名 ." + extension + " 不符 the file's content is a "
          + ACCEPTED.get(actual) + ", not what its name (." + extension + ") says";
    }
    return null;
  }

  private static String promisedType(Upload upload) {
    return BY_EXTENSION.get(extension(upload));
  }

  private static String extension(Upload upload) {
    String name = upload.fileName() == null ? "" : upload.fileName();
    return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
  }
}
