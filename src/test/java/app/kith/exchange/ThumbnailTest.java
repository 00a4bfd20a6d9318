package app.kith.exchange;

import app.kith.contact.Photo;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class ThumbnailTest {

    @Test
    void aLargePictureIsScaledToFit256KeepingItsShapeAsJpeg() throws IOException {
        Photo photo = Thumbnail.of(image(1200, 600, BufferedImage.TYPE_INT_RGB, "jpeg"));

        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(photo.data()));
        assertThat(small.getWidth()).isEqualTo(256);
        assertThat(small.getHeight()).isEqualTo(128);
    }

    @Test
    void aLargePictureWithTransparencyStaysAPng() throws IOException {
        Photo photo = Thumbnail.of(image(300, 900, BufferedImage.TYPE_INT_ARGB, "png"));

        assertThat(photo.mediaType()).isEqualTo("image/png");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(photo.data()));
        assertThat(small.getWidth()).isEqualTo(85);
        assertThat(small.getHeight()).isEqualTo(256);
        assertThat(small.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void aSmallGifBecomesAJpeg() {
        Photo photo = Thumbnail.of(image(40, 40, BufferedImage.TYPE_INT_RGB, "gif"));

        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void bytesThatAreNoPictureGiveNone() {
        assertThat(Thumbnail.of("not a picture".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(Thumbnail.of(new byte[0])).isNull();
        assertThat(Thumbnail.of(null)).isNull();
        byte[] cut = image(400, 400, BufferedImage.TYPE_INT_RGB, "png");
        assertThat(Thumbnail.of(Arrays.copyOf(cut, 60))).isNull();
    }

    @Test
    void aPictureClaimingAHugeSizeIsRefusedBeforeItIsDecoded() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeBytes("IHDR");
        ihdr.writeInt(100_000);
        ihdr.writeInt(100_000);
        ihdr.write(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(header.toByteArray());
        out.writeInt(13);
        out.write(header.toByteArray());
        out.writeInt((int) crc.getValue());

        assertThat(Thumbnail.of(png.toByteArray())).isNull();
    }

    private static byte[] image(int width, int height, int type, String format) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(30, 120, 200, 200));
        graphics.fillOval(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }
}
