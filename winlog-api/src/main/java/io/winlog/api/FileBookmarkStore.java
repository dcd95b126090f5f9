package io.winlog.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A {@link BookmarkStore} in one file: each save writes a temporary file beside it, forces it to
 * disk, and renames it over the old one (atomic on the same file system), then forces the
 * directory where the OS allows it. On POSIX systems the file is created with mode 0600: a
 * bookmark reveals which logs a service reads.
 *
 * <p>Thread-safe: saves are serialized.
 */
public final class FileBookmarkStore implements BookmarkStore {
    private final Path file;
    private final Path temp;

    public FileBookmarkStore(Path file) {
        this.file = file.toAbsolutePath();
        this.temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    /** The file this store writes. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<Bookmark> load() {
        try {
            String xml = Files.readString(file, StandardCharsets.UTF_8);
            if (xml.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Bookmark.parse(xml));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new WinlogException("cannot read bookmark file " + file + ": " + e.getMessage()
                    + ". Check that the service account may read it.", e);
        } catch (IllegalArgumentException e) {
            throw new WinlogException("bookmark file " + file + " is not a bookmark (" + e.getMessage()
                    + "). Delete it to start from the configured position, or restore it from a backup.", e);
        }
    }

    @Override
    public synchronized void save(Bookmark bookmark) {
        byte[] bytes = bookmark.toXml().getBytes(StandardCharsets.UTF_8);
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.deleteIfExists(temp);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix && dir != null) {
                // Make the rename itself durable. Not possible on Windows, where NTFS journals it.
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true);
                } catch (IOException ignored) {
                    // Some file systems refuse to open directories; the data itself is already forced.
                }
            }
        } catch (IOException e) {
            throw new WinlogException("cannot save bookmark to " + file + ": " + e.getMessage()
                    + ". Check free space and that the service account may write to " + file.getParent() + ".", e);
        }
    }
}
