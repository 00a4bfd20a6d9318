package app.kith.exchange;

import app.kith.contact.Photo;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * An imported picture made small for storage: at most {@value #SIDE} pixels a side, as JPEG, or PNG when it
 * has transparency. A JPEG or PNG already that small is kept as it is.
 */
final class Thumbnail {
    static final int SIDE = 256;
    /** Larger pictures are refused: a few bytes of PNG can claim a size that would exhaust memory. */
    private static final long MAX_PIXELS = 64_000_000L;

    private Thumbnail() {
    }

    /** The picture scaled down, or null when the bytes are not an image Java can read. */
    static Photo of(byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // Skipping pixels while decoding keeps a huge picture's memory small; 4x the goal leaves enough to scale well.
                int step = Math.max(1, Math.max(width, height) / (SIDE * 4));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (width <= SIDE && height <= SIDE && (format.equals("jpeg") || format.equals("png"))) {
                    return new Photo("image/" + format, data);
                }
                return encode(scaled(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException undecodable) {
            // ImageIO's decoders throw more than IOException on damaged data; a picture is never worth failing an import.
            return null;
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        double ratio = Math.min(1.0, Math.min((double) SIDE / image.getWidth(), (double) SIDE / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * ratio));
        int height = Math.max(1, (int) Math.round(image.getHeight() * ratio));
        BufferedImage current = image;
        // Halving step by step, then one last resize, looks better than one bilinear jump from far above.
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, alpha);
        }
        return draw(current, width, height, alpha);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static Photo encode(BufferedImage image) throws IOException {
        String format = image.getColorModel().hasAlpha() ? "png" : "jpeg";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // A memory-cached stream: ImageIO's default would write a temporary file for each picture.
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, format, output)) {
                throw new IOException("no " + format + " writer");
            }
        }
        return new Photo("image/" + format, bytes.toByteArray());
    }
}
