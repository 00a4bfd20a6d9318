package app.kith.web;

import io.javalin.http.Context;
import io.javalin.http.Header;
import org.eclipse.jetty.http.QuotedCSV;
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

    /**
     * Whether the request accepts gzip (Accept-Encoding, with its q-values as Jetty reads them): {@code gzip;q=0} does
     * not, and gzip named with any q-value counts before {@code *}, so {@code gzip;q=0, *} does not either.
     */
    static boolean accepted(Context ctx) {
        String accepted = ctx.header(Header.ACCEPT_ENCODING);
        return accepted != null && accepted(accepted);
    }

    static boolean accepted(String acceptEncoding) {
        QuotedCSV named = new QuotedCSV(false, acceptEncoding);
        // Jetty leaves out every value with q=0 here, so gzip named only so is missing from what is accepted.
        QuotedQualityCSV encodings = new QuotedQualityCSV();
        encodings.addValue(acceptEncoding);
        boolean gzipNamed = named.getValues().stream().anyMatch(value -> name(value).equalsIgnoreCase(ENCODING));
        return encodings.getValues().stream()
                .anyMatch(encoding -> gzipNamed ? encoding.equalsIgnoreCase(ENCODING) : encoding.equals("*"));
    }

    private static String name(String value) {
        int parameters = value.indexOf(';');
        return (parameters < 0 ? value : value.substring(0, parameters)).strip();
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
