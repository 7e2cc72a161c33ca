package org.abierto.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of the site that could not be written: the build's other files are thrown away, and the
 * previous output is as it was. Names the file to look at — the content file that could not be read,
 * or the output file that could not be written — and why, without the path the message already gives.
 */
public final class FileNotWritten extends IOException {
    private final transient Path at;

    FileNotWritten(Path at, String reason, IOException cause) {
        super(reason, cause);
        this.at = at;
    }

    /** The file concerned: a file of the content, or the file's place in the output folder. */
    public Path at() {
        return at;
    }

    /** What failed, in words, from the system's exception (whose message is often the bare path). */
    public static String reason(IOException e) {
        return switch (e.getClass().getSimpleName()) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "it no longer exists";
            case "FileAlreadyExistsException" -> "a file or folder of this name is already there";
            case "NotDirectoryException" -> "it is not a folder";
            case "FileSystemException" -> ((java.nio.file.FileSystemException) e).getReason() == null ? "the system refused it"
                    : ((java.nio.file.FileSystemException) e).getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
