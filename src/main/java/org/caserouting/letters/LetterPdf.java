package org.caserouting.letters;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.caserouting.receipts.QrCodes;

/**
 * Sets a decision letter on A4 pages: a heading, then each part as a label and its text, wrapped to
 * the page (between any two Chinese characters, or at spaces in English), and the signed receipt
 * as a QR code at the end.
 */
final class LetterPdf {

  private static final float MARGIN = 56;
  private static final float LABEL_WIDTH = 112;
  private static final float TEXT_SIZE = 11;
  private static final float LEADING = 1.5f;
  /** Punctuation that never starts a line (避頭點). */
  private static final String NO_LINE_START = "，。、；：？！）」』〉》,.;:?!)";
  /** Shown for a character the font lacks, rather than refusing the letter. */
  private static final String MISSING = "〓";

  private final PDDocument document;
  private final PDType0Font font;
  private final Map<Integer, Boolean> drawable = new HashMap<>();
  private PDPageContentStream page;
  private float y;

  private LetterPdf(PDDocument document, PDType0Font font) {
    this.document = document;
    this.font = font;
  }

  /** The letter as PDF bytes. The font is shared between letters, so one letter is set at a time. */
  static byte[] render(DecisionLetter letter, TrueTypeFont ttf) {
    synchronized (ttf) {
      try (PDDocument document = new PDDocument(); ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(letter.issuer().nameZh() + " 處分書 " + letter.applicationNo());
        info.setAuthor(letter.issuer().nameZh() + " " + letter.issuer().nameEn());
        info.setSubject("Decision letter");
        Calendar created = Calendar.getInstance(java.util.TimeZone.getTimeZone("Asia/Taipei"));
        created.clear();
        created.set(letter.date().getYear(), letter.date().getMonthValue() - 1, letter.date().getDayOfMonth());
        info.setCreationDate(created);
        LetterPdf writer = new LetterPdf(document, PDType0Font.load(document, ttf, true));
        writer.write(letter);
        writer.close();
        document.save(pdf);
        return pdf.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot set the decision letter of " + letter.applicationNo(), e);
      }
    }
  }

  private void write(DecisionLetter letter) throws IOException {
    newPage();
    centred(letter.issuer().nameZh() + " 處分書", 20);
    centred(letter.issuer().nameEn() + " · Decision letter", 12);
    y -= TEXT_SIZE;
    field("發文日期", "Date", letter.dateLine());
    field("案號", "Application no.", letter.applicationNo());
    field("受處分人", "Addressed to", letter.applicantName());
    field("申請事項", "Application", letter.caseTypeZh() + " " + letter.caseTypeEn());
    field("主旨", "Decision", letter.decisionLine());
    field("理由", "Reasons", letter.reasonsText());
    if (letter.meansTest() != null) {
      field("家庭收支計算", "Means test", letter.meansTest());
    }
    field("法令依據", "Legal basis", letter.legalBasisZh() + "\n" + letter.legalBasisEn());
    field("救濟方法", "How to appeal", letter.appealZh() + "\n" + letter.appealEn());
    receipt(letter);
  }

  private void receipt(DecisionLetter letter) throws IOException {
    float size = 160;
    String caption = "電子處分收據：以手機掃描，或至 " + letter.trackPage() + " 貼上查驗，即可確認本處分由本府核發且未經竄改。\n"
        + "Signed decision receipt: scan it, or paste it at " + letter.trackPage()
        + ", to check that the city issued this decision and that it is unaltered.";
    List<String> lines = wrap(caption, PDRectangle.A4.getWidth() - 2 * MARGIN - size - 16, TEXT_SIZE - 1);
    float needed = Math.max(size, lines.size() * (TEXT_SIZE - 1) * LEADING) + TEXT_SIZE;
    if (y - needed < MARGIN) {
      newPage();
    }
    y -= TEXT_SIZE;
    drawQrCode(letter.receiptJws(), MARGIN, y - size, size);
    float textY = y - TEXT_SIZE;
    for (String line : lines) {
      text(line, MARGIN + size + 16, textY, TEXT_SIZE - 1);
      textY -= (TEXT_SIZE - 1) * LEADING;
    }
    y -= needed;
  }

  /**
   * The QR code drawn as squares, not as a picture: sharp at any print size, and nothing to encode
   * twice. Each row's dark modules go down as runs, so neighbouring modules share no edge to seam.
   */
  private void drawQrCode(String text, float x, float bottom, float size) throws IOException {
    BitMatrix modules = QrCodes.matrix(text);
    float module = size / modules.getWidth();
    page.setNonStrokingColor(0f);
    for (int row = 0; row < modules.getHeight(); row++) {
      int column = 0;
      while (column < modules.getWidth()) {
        if (!modules.get(column, row)) {
          column++;
          continue;
        }
        int end = column;
        while (end < modules.getWidth() && modules.get(end, row)) {
          end++;
        }
        page.addRect(x + column * module, bottom + size - (row + 1) * module, (end - column) * module, module);
        column = end;
      }
    }
    page.fill();
  }

  private void centred(String line, float size) throws IOException {
    String shown = drawableText(line);
    float width = font.getStringWidth(shown) / 1000 * size;
    y -= size * LEADING;
    text(shown, (PDRectangle.A4.getWidth() - width) / 2, y, size);
  }

  /**
   * A label in the left column, Chinese above English, and its text beside it, wrapped; it goes on
   * to the next page if need be.
   */
  private void field(String labelZh, String labelEn, String value) throws IOException {
    float textWidth = PDRectangle.A4.getWidth() - 2 * MARGIN - LABEL_WIDTH;
    List<String> labels = wrap(labelZh + "\n" + labelEn, LABEL_WIDTH - 8, TEXT_SIZE);
    List<String> lines = wrap(value == null ? "" : value, textWidth, TEXT_SIZE);
    for (int i = 0; i < Math.max(labels.size(), lines.size()); i++) {
      if (y - TEXT_SIZE * LEADING < MARGIN) {
        newPage();
      }
      y -= TEXT_SIZE * LEADING;
      if (i < labels.size()) {
        text(labels.get(i), MARGIN, y, TEXT_SIZE);
      }
      if (i < lines.size()) {
        text(lines.get(i), MARGIN + LABEL_WIDTH, y, TEXT_SIZE);
      }
    }
    y -= TEXT_SIZE * 0.6f;
  }

  private void text(String line, float x, float atY, float size) throws IOException {
    page.beginText();
    page.setFont(font, size);
    page.newLineAtOffset(x, atY);
    page.showText(line);
    page.endText();
  }

  /**
   * Breaks text into lines no wider than {@code width}: at a newline, between two Chinese
   * characters, or at a space between words; punctuation stays at the end of the line before.
   */
  List<String> wrap(String text, float width, float size) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : drawableText(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String unit : units(paragraph)) {
        String candidate = line + unit;
        boolean fits = font.getStringWidth(candidate.stripTrailing()) / 1000 * size <= width;
        if (fits || line.isEmpty() || NO_LINE_START.contains(unit.strip())) {
          line.append(unit);
        } else {
          lines.add(line.toString().stripTrailing());
          line = new StringBuilder(unit.stripLeading());
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** Each Chinese character alone; a run of other characters up to and with its following spaces. */
  private static List<String> units(String paragraph) {
    List<String> units = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    paragraph.codePoints().forEach(cp -> {
      boolean wide = Character.isIdeographic(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
          || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
          || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
      if (wide) {
        if (!word.isEmpty()) {
          units.add(word.toString());
          word.setLength(0);
        }
        units.add(Character.toString(cp));
      } else {
        if (cp != ' ' && !word.isEmpty() && word.charAt(word.length() - 1) == ' ') {
          units.add(word.toString());
          word.setLength(0);
        }
        word.appendCodePoint(cp);
      }
    });
    if (!word.isEmpty()) {
      units.add(word.toString());
    }
    return units;
  }

  /** The text with each character the font cannot draw replaced by {@value #MISSING}. */
  private String drawableText(String text) {
    StringBuilder shown = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (cp == '\n' || drawable.computeIfAbsent(cp, this::canDraw)) {
        shown.appendCodePoint(cp);
      } else {
        shown.append(MISSING);
      }
    });
    return shown.toString();
  }

  private boolean canDraw(int codePoint) {
    try {
      font.encode(Character.toString(codePoint));
      return !Character.isISOControl(codePoint);
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage next = new PDPage(PDRectangle.A4);
    document.addPage(next);
    page = new PDPageContentStream(document, next);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private void close() throws IOException {
    if (page != null) {
      page.close();
    }
  }
}
