package app.kith.shared;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file operation failed, in words, without the path the caller already names. */
public final class FileFailures {
    private FileFailures() {
    }

    /** The system's reason ("Not a directory"), else one for the kind of failure; Java's own message only names the path. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "the system cannot make it there";
        }
        return e.getMessage();
    }
}
