package org.fa4j.datasets.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Objects;

/**
 * Turns an {@link IOException} into words a user can act on: the path it concerns and the operating system's reason.
 * The JDK's file exceptions often carry only the path as their message ({@code NoSuchFileException: data/x}); these
 * helpers add the reason their type stands for.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** The operating system's reason for {@code e}, such as "No such file or directory" or "Permission denied". */
    public static String reason(IOException e) {
        Objects.requireNonNull(e, "e");
        if (e instanceof FileSystemException fse && fse.getReason() != null && !fse.getReason().isBlank()) {
            return fse.getReason();
        }
        return switch (e) {
            case NoSuchFileException x -> "No such file or directory";
            case AccessDeniedException x -> "Permission denied";
            case FileAlreadyExistsException x -> "File exists";
            case NotDirectoryException x -> "Not a directory";
            case DirectoryNotEmptyException x -> "Directory not empty";
            case FileSystemException x -> "file system error (" + x.getClass().getSimpleName() + ")";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** {@code "<path>: <reason>"} when {@code e} names a path, else the reason alone. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getFile() + (fse.getOtherFile() == null ? "" : " -> " + fse.getOtherFile()) + ": " + reason(e);
        }
        return reason(e);
    }
}
