package org.caserouting.receipts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receipt's compact form as a QR code, for paper and screens.
 *
 * <p>A signed receipt fills a large symbol, and common scanners fail to locate a few of the
 * symbols the encoder's own mask choice gives. A receipt nobody can scan is one the citizen has
 * to be believed about, so every code is read back before it is drawn, and drawn with another
 * mask pattern (then a stronger error correction) if the first does not read.
 */
public final class QrCodes {

  private static final Logger log = LoggerFactory.getLogger(QrCodes.class);
  /** The quiet zone the QR standard asks around a symbol, in modules. */
  public static final int QUIET_ZONE = 4;
  private static final int PIXELS_PER_MODULE = 4;
  private static final int MASK_PATTERNS = 8;

  private QrCodes() {}

  public static byte[] png(String text, int size) {
    try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
      MatrixToImageWriter.writeToStream(encode(text, size, readableHints(text)), "PNG", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code's modules, one bit each, with the standard quiet zone: for drawing it as vectors. */
  public static BitMatrix matrix(String text) {
    return encode(text, 0, readableHints(text));
  }

  /** Whether a scanner reads {@code text} back from a plain image of these modules. */
  static boolean readsBack(BitMatrix modules, String text) {
    int side = modules.getWidth() * PIXELS_PER_MODULE;
    BitMatrix scaled = new BitMatrix(side, side);
    for (int y = 0; y < modules.getHeight(); y++) {
      for (int x = 0; x < modules.getWidth(); x++) {
        if (modules.get(x, y)) {
          scaled.setRegion(x * PIXELS_PER_MODULE, y * PIXELS_PER_MODULE, PIXELS_PER_MODULE, PIXELS_PER_MODULE);
        }
      }
    }
    var image = MatrixToImageWriter.toBufferedImage(scaled);
    try {
      var read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
      return text.equals(read.getText());
    } catch (ReaderException e) {
      return false;
    }
  }

  private static Map<EncodeHintType, Object> readableHints(String text) {
    List<Map<EncodeHintType, Object>> candidates = new ArrayList<>();
    for (ErrorCorrectionLevel level : List.of(ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q)) {
      candidates.add(Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, QUIET_ZONE));
      for (int mask = 0; mask < MASK_PATTERNS; mask++) {
        candidates.add(Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, QUIET_ZONE,
            EncodeHintType.QR_MASK_PATTERN, mask));
      }
    }
    for (Map<EncodeHintType, Object> hints : candidates) {
      if (readsBack(encode(text, 0, hints), text)) {
        return hints;
      }
    }
    log.warn("No QR code of a {}-character receipt read back; drawing the encoder's own choice", text.length());
    return candidates.get(0);
  }

  private static BitMatrix encode(String text, int size, Map<EncodeHintType, Object> hints) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
    } catch (WriterException e) {
      throw new IllegalStateException("Cannot draw the receipt's QR code", e);
    }
  }
}
