package dev.proofline.lean;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A file shipped inside Proofline's jars, read whole; a missing one is a broken build, named as such. */
public final class ClasspathResource {
    private ClasspathResource() {}

    /** The bytes of the resource at {@code path}, absolute on the classpath ({@code /dev/proofline/…}). */
    public static byte[] bytes(String path) throws IOException {
        try (InputStream in = ClasspathResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is missing from the classpath (a broken build of Proofline)");
            }
            return in.readAllBytes();
        }
    }

    public static String text(String path) throws IOException {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
