package org.caserouting.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The letters' font: a CFF font such as Debian's Noto CJK is passed over for a TrueType one (ADR 0021). */
class LetterFontTest {

  static final String NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  static final String UMING = "/usr/share/fonts/truetype/arphic/uming.ttc";

  @Test
  void aCffFontIsPassedOverForTheFirstTrueTypeOne() throws Exception {
    bothInstalled();

    LetterFont font = new LetterFont(new LetterProperties(List.of(NOTO_CJK + "#NotoSansCJKtc-Regular", UMING + "#UMingTW")));

    assertThat(font.font()).isPresent();
    assertThat(font.font().get().getName()).isEqualTo("UMingTW");
    font.destroy();
  }

  @Test
  void withOnlyACffFontThereIsNoLetterFont() throws Exception {
    bothInstalled();

    LetterFont font = new LetterFont(new LetterProperties(List.of(NOTO_CJK + "#NotoSansCJKtc-Regular", "/no/such/font.ttf")));

    assertThat(font.font()).isEmpty();
    font.destroy();
  }

  private static void bothInstalled() {
    boolean installed = Files.isRegularFile(Path.of(NOTO_CJK)) && Files.isRegularFile(Path.of(UMING));
    String message = "Debian's fonts-noto-cjk and fonts-arphic-uming are not both installed (.ci/run installs them)";
    if (!installed && "required".equals(System.getenv("CASEROUTING_LETTER_FONT"))) {
      Assertions.fail(message + ". CASEROUTING_LETTER_FONT=required, so this may not be skipped.");
    }
    Assumptions.assumeTrue(installed, message + ". Skipped.");
  }
}
