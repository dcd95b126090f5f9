package io.winlog.jna.messagedll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.WinlogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class MessageDllFilesTest {
    @TempDir
    Path dir;

    @Test
    void theBuildPutTheGeneratedDllsIntoTheJarAndTheyCarryTheProjectVersion() {
        byte[] events = MessageDllFiles.bundled(MessageDllGenerator.EVENT_MESSAGE_DLL);
        byte[] categories = MessageDllFiles.bundled(MessageDllGenerator.CATEGORY_MESSAGE_DLL);
        assertThat(events).as("winlog-messages.dll generated at process-classes").isNotNull();
        assertThat(categories).as("winlog-categories.dll generated at process-classes").isNotNull();
        String version = MessageDllFiles.version();
        assertThat(version).isNotBlank().isNotEqualTo("dev");
        // The bundled bytes are exactly what the generator makes for that version.
        assertThat(events).isEqualTo(MessageDllGenerator.eventMessageDll(version));
        assertThat(categories).isEqualTo(MessageDllGenerator.categoryMessageDll(MessageDllGenerator.DEFAULT_CATEGORIES,
                version, MessageDllGenerator.CATEGORY_MESSAGE_DLL));
    }

    @Test
    void extractsVerifiesAndLeavesAGoodCopyAlone() throws Exception {
        MessageDllFiles.Extracted x = MessageDllFiles.ensureExtracted(dir, MessageDllGenerator.DEFAULT_CATEGORIES);
        assertThat(x.eventMessageFile()).isEqualTo(dir.resolve("winlog-messages.dll"));
        assertThat(x.categoryMessageFile()).isEqualTo(dir.resolve("winlog-categories.dll"));
        assertThat(x.categoryCount()).isEqualTo(5);
        assertThat(MessageDllReader.read(x.eventMessageFile()).messages()).isEqualTo(MessageDllGenerator.eventMessages());
        assertThat(MessageDllReader.read(x.categoryMessageFile()).messages().text(3)).isEqualTo("Information");

        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(x.eventMessageFile(), old);
        MessageDllFiles.ensureExtracted(dir, MessageDllGenerator.DEFAULT_CATEGORIES);
        assertThat(Files.getLastModifiedTime(x.eventMessageFile())).as("an intact file is not rewritten").isEqualTo(old);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("winlog-messages.dll", "winlog-categories.dll");
        }
    }

    @Test
    void recognizesWinlogMessageFiles() throws Exception {
        MessageDllFiles.Extracted x = MessageDllFiles.ensureExtracted(dir, List.of("Orders"));
        assertThat(MessageDllFiles.isWinlogMessageFile(x.eventMessageFile())).isTrue();
        assertThat(MessageDllFiles.isWinlogMessageFile(x.categoryMessageFile())).isTrue();
        Path other = dir.resolve("other.dll");
        Files.write(other, MessageDllWriter.builder().messages(MessageDllGenerator.categories(List.of("x")))
                .version(VersionInfo.of("someone else", "other.dll", "1.0")).build().write());
        assertThat(MessageDllFiles.isWinlogMessageFile(other)).isFalse();
        Files.write(other, new byte[] {1, 2, 3});
        assertThat(MessageDllFiles.isWinlogMessageFile(other)).isFalse();
        assertThat(MessageDllFiles.isWinlogMessageFile(dir.resolve("missing.dll"))).isFalse();
    }

    @Test
    void replacesADamagedCopy() throws Exception {
        MessageDllFiles.Extracted x = MessageDllFiles.ensureExtracted(dir, MessageDllGenerator.DEFAULT_CATEGORIES);
        byte[] good = Files.readAllBytes(x.eventMessageFile());
        Files.write(x.eventMessageFile(), new byte[] {'M', 'Z'});
        MessageDllFiles.ensureExtracted(dir, MessageDllGenerator.DEFAULT_CATEGORIES);
        assertThat(Files.readAllBytes(x.eventMessageFile())).isEqualTo(good);
    }

    @Test
    void customCategoriesGetTheirOwnFile() throws Exception {
        List<String> names = List.of("Orders", "Billing");
        MessageDllFiles.Extracted x = MessageDllFiles.ensureExtracted(dir, names);
        assertThat(x.categoryMessageFile().getFileName().toString()).matches("winlog-categories-[0-9a-f]{12}\\.dll");
        assertThat(x.categoryCount()).isEqualTo(2);
        MessageTable t = MessageDllReader.read(x.categoryMessageFile()).messages();
        assertThat(t.text(1)).isEqualTo("Orders");
        assertThat(t.text(2)).isEqualTo("Billing");
        MessageDllFiles.Extracted y = MessageDllFiles.ensureExtracted(dir, List.of("Orders", "Shipping"));
        assertThat(y.categoryMessageFile()).isNotEqualTo(x.categoryMessageFile());
        assertThat(y.eventMessageFile()).isEqualTo(x.eventMessageFile());
    }

    @Test
    void defaultDirectoryIsAbsoluteVersionedAndOverridable() {
        String before = System.getProperty(MessageDllFiles.DIR_PROPERTY);
        try {
            System.clearProperty(MessageDllFiles.DIR_PROPERTY);
            Path d = MessageDllFiles.defaultDirectory();
            assertThat(d.isAbsolute()).isTrue();
            assertThat(d.getFileName().toString()).isEqualTo(MessageDllFiles.version().replaceAll("[^A-Za-z0-9._+-]", "_"));
            assertThat(d.getParent().getFileName().toString()).isEqualTo("winlog");

            System.setProperty(MessageDllFiles.DIR_PROPERTY, dir.toString());
            assertThat(MessageDllFiles.defaultDirectory()).isEqualTo(dir.resolve(d.getFileName()));
            MessageDllFiles.Extracted x = MessageDllFiles.ensureExtracted();
            assertThat(x.eventMessageFile()).exists().startsWith(dir);

            System.setProperty(MessageDllFiles.DIR_PROPERTY, "relative/dir");
            assertThatThrownBy(MessageDllFiles::defaultDirectory).isInstanceOf(WinlogException.class)
                    .hasMessageContaining("absolute");
        } finally {
            if (before == null) {
                System.clearProperty(MessageDllFiles.DIR_PROPERTY);
            } else {
                System.setProperty(MessageDllFiles.DIR_PROPERTY, before);
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // root ignores permissions on Linux too; see the assumption below
    void unwritableDirectoryFailsWithAnExplanation() throws Exception {
        Path ro = dir.resolve("ro");
        Files.createDirectories(ro);
        ro.toFile().setWritable(false);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root: permissions not enforced");
        assertThatThrownBy(() -> MessageDllFiles.ensureExtracted(ro, MessageDllGenerator.DEFAULT_CATEGORIES))
                .isInstanceOf(WinlogException.class).hasMessageContaining(ro.toString());
    }
}
