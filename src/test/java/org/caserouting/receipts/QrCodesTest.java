package org.caserouting.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A receipt's QR code is only worth printing if a scanner reads it, whatever its content. */
class QrCodesTest {

  private static final String JWS_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

  @Test
  void everyReceiptsCodeReadsBackAsItsOwnText() throws IOException {
    // Receipts vary in length with the case and in content with every signature; some of these
    // draw a symbol that common scanners cannot locate with the encoder's first choice of mask.
    Random random = new Random(20261201);
    List<String> unread = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String receipt = receiptLike(random, 550 + random.nextInt(220));
      String read = scan(QrCodes.png(receipt, 640));
      if (!receipt.equals(read)) {
        unread.add(receipt.length() + " characters, read as " + read);
      }
    }
    assertThat(unread).as("codes a scanner could not read").isEmpty();
  }

  @Test
  void theCodeKeepsTheQuietZoneTheStandardAsks() {
    var modules = QrCodes.matrix(receiptLike(new Random(7), 640));
    for (int band = 0; band < QrCodes.QUIET_ZONE; band++) {
      for (int along = 0; along < modules.getWidth(); along++) {
        assertThat(modules.get(band, along) || modules.get(along, band)
            || modules.get(modules.getWidth() - 1 - band, along) || modules.get(along, modules.getHeight() - 1 - band))
            .as("module %d of the border band %d is light", along, band).isFalse();
      }
    }
    assertThat(modules.get(QrCodes.QUIET_ZONE, QrCodes.QUIET_ZONE)).as("the finder pattern starts inside the zone").isTrue();
  }

  private static String scan(byte[] png) throws IOException {
    var image = ImageIO.read(new ByteArrayInputStream(png));
    try {
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    } catch (ReaderException e) {
      return "nothing (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String receiptLike(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(JWS_ALPHABET.charAt(random.nextInt(JWS_ALPHABET.length())));
    }
    return text.toString();
  }
}
