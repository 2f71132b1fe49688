package org.caserouting.receipts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A receipt's compact form as a QR code, for paper and screens. */
public final class QrCodes {

  private QrCodes() {}

  public static byte[] png(String text, int size) {
    try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
      MatrixToImageWriter.writeToStream(encode(text, size), "PNG", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code's modules, one bit each, with a quiet zone of two modules: for drawing it as vectors. */
  public static BitMatrix matrix(String text) {
    return encode(text, 0);
  }

  private static BitMatrix encode(String text, int size) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalStateException("Cannot draw the receipt's QR code", e);
    }
  }
}
