package io.winlog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookmarkStoreTest {
    @TempDir
    Path dir;

    @Test
    void bookmarkXmlRoundTripsInWindowsShape() {
        Bookmark b = Bookmark.of("Application", 41).advance("Security", 4711);
        String xml = b.toXml();
        assertThat(xml).contains("<Bookmark Channel='Security' RecordId='4711' IsCurrent='true'/>");
        assertThat(Bookmark.parse(xml)).isEqualTo(b);
        // As Windows renders it (double quotes accepted too).
        Bookmark w = Bookmark.parse("<BookmarkList>\n  <Bookmark Channel=\"System\" RecordId=\"9\" IsCurrent=\"true\"/>\n</BookmarkList>");
        assertThat(w.recordId("System")).isEqualTo(9);
        assertThat(w.currentChannel()).isEqualTo("System");
        assertThatThrownBy(() -> Bookmark.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileStoreSavesAtomicallyWithPrivatePermissions() throws Exception {
        FileBookmarkStore store = new FileBookmarkStore(dir.resolve("sub/bookmark.xml"));
        assertThat(store.load()).isEmpty();
        store.save(Bookmark.of("Application", 1));
        store.save(Bookmark.of("Application", 2));
        assertThat(store.load()).contains(Bookmark.of("Application", 2));
        assertThat(Files.exists(dir.resolve("sub/bookmark.xml.tmp"))).isFalse();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        }
    }

    @Test
    void corruptBookmarkFileSaysWhatToDo() throws Exception {
        Path f = dir.resolve("b.xml");
        Files.writeString(f, "garbage");
        assertThatThrownBy(() -> new FileBookmarkStore(f).load())
                .isInstanceOf(WinlogException.class).hasMessageContaining("Delete it");
    }
}
