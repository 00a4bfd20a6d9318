package app.kith.web;

import io.javalin.http.Context;
import io.javalin.http.Header;
import org.eclipse.jetty.http.QuotedQualityCSV;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A page gzipped once, to be sent as it is to every browser that asks for it again ({@link PageCache}), at the level
 * the server compresses its other answers at ({@link WebServer#GZIP_LEVEL}).
 */
final class Gzipped {
    static final String ENCODING = "gzip";

    private Gzipped() {
    }

    /** Whether the request accepts gzip (Accept-Encoding, with its q-values as Jetty reads them: {@code gzip;q=0} does not). */
    static boolean accepted(Context ctx) {
        String accepted = ctx.header(Header.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        QuotedQualityCSV encodings = new QuotedQualityCSV();
        encodings.addValue(accepted);
        return encodings.getValues().stream().anyMatch(encoding -> encoding.equalsIgnoreCase(ENCODING) || encoding.equals("*"));
    }

    static byte[] of(byte[] bytes) {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream out = new LeveledGzip(gzipped)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzipped.toByteArray();
    }

    /** GZIPOutputStream at the server's level: its deflater is a protected field, set once made. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(WebServer.GZIP_LEVEL);
        }
    }
}
