package org.caserouting.letters;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Traditional Chinese font the letters are set in, embedded in each letter as a subset of the
 * glyphs it uses. It must have TrueType outlines: Debian's Noto CJK fonts have CFF outlines, which
 * PDFBox cannot subset (ADR 0021), so the first of {@code caserouting.letters.fonts} that is
 * installed and TrueType is taken; Debian's {@code fonts-arphic-uming} gives the default.
 */
@Component
class LetterFont implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LetterFont.class);

  private final TrueTypeFont font;
  private final AutoCloseable source;

  LetterFont(LetterProperties properties) {
    TrueTypeFont found = null;
    AutoCloseable opened = null;
    String name = null;
    for (String candidate : properties.fonts()) {
      String[] fileAndFace = candidate.split("#", 2);
      File file = new File(fileAndFace[0]);
      if (!file.isFile()) {
        continue;
      }
      try {
        if (fileAndFace.length == 2) {
          TrueTypeCollection collection = new TrueTypeCollection(file);
          TrueTypeFont face = collection.getFontByName(fileAndFace[1]);
          if (face == null || isPostScript(face)) {
            log.warn("Font {} is passed over for the decision letters: {}", candidate,
                face == null ? "the collection has no face of that name" : "its outlines are CFF, which cannot be subset");
            collection.close();
            continue;
          }
          found = face;
          opened = collection;
        } else {
          TrueTypeFont single = new org.apache.fontbox.ttf.TTFParser().parse(
              new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
          if (isPostScript(single)) {
            log.warn("Font {} is passed over for the decision letters: its outlines are CFF, which cannot be subset",
                candidate);
            single.close();
            continue;
          }
          found = single;
          opened = single;
        }
        name = candidate;
        break;
      } catch (IOException e) {
        log.warn("Font {} cannot be read for the decision letters: {}", candidate, e.getMessage());
      }
    }
    this.font = found;
    this.source = opened;
    if (found == null) {
      log.warn("No Traditional Chinese TrueType font found at {}: decisions are recorded and mailed without their"
          + " letter (處分書). Install Debian's fonts-arphic-uming, or name a font in caserouting.letters.fonts.",
          properties.fonts());
    } else {
      log.info("Decision letters are set in {}", name);
    }
  }

  private static boolean isPostScript(TrueTypeFont face) {
    return face instanceof org.apache.fontbox.ttf.OpenTypeFont openType && openType.isPostScript();
  }

  /** The font, when one is installed. */
  Optional<TrueTypeFont> font() {
    return Optional.ofNullable(font);
  }

  @Override
  public void destroy() throws Exception {
    if (source != null) {
      source.close();
    }
  }
}
