package org.caserouting.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caserouting.platform.Sha256;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A file the applicant sends, as it arrived: which required document of the type it answers, the
 * name it had, and its bytes. Nothing of it is trusted until {@link FileChecks} has checked it.
 */
public record Upload(String documentCode, String fileName, byte[] content, String sha256) {

  /** @param content hashed once here: the address it is stored under, and what a resent submission must match */
  public Upload(String documentCode, String fileName, byte[] content) {
    this(documentCode, fileName, content, Sha256.of(content));
  }

  /**
   * The files of a multipart request: every part but the one holding the JSON (which a client
   * may send as a file too), each named by the code of the document it answers.
   */
  public static List<Upload> of(MultipartHttpServletRequest request, String jsonPart) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
      if (part.getKey().equals(jsonPart)) {
        continue;
      }
      for (MultipartFile file : part.getValue()) {
        uploads.add(new Upload(part.getKey(), file.getOriginalFilename(), file.getBytes()));
      }
    }
    return uploads;
  }
}
