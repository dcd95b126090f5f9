package io.winlog.jna.messagedll;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.testkit.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the generated DLLs with an independent PE reader: GNU binutils for mingw-w64
 * ({@code x86_64-w64-mingw32-objdump -p}, {@code x86_64-w64-mingw32-windres -O rc}, Debian
 * package binutils-mingw-w64). Skips with a message when they are not installed.
 */
class MingwToolsCheckTest {
    @TempDir
    Path dir;

    @Test
    void objdumpReadsHeadersAndResourceTreeOfBothMachineTypes() throws Exception {
        Path objdump = ExternalTools.require("x86_64-w64-mingw32-objdump", "binutils-mingw-w64");
        for (PeMachine m : PeMachine.values()) {
            byte[] bytes = MessageDllWriter.builder().machine(m)
                    .messages(MessageDllGenerator.categories(MessageDllGenerator.DEFAULT_CATEGORIES))
                    .version(VersionInfo.of("test", "t.dll", "3.4.5")).build().write();
            Path dll = dir.resolve("t-" + m + ".dll");
            Files.write(dll, bytes);
            String out = run(objdump.toString(), "-p", dll.toString());
            assertThat(out).contains(m == PeMachine.I386 ? "file format pei-i386" : "file format pei-x86-64");
            assertThat(out).containsPattern("Magic\\s+0" + (m == PeMachine.I386 ? "10b\\s+\\(PE32\\)" : "20b\\s+\\(PE32\\+\\)"));
            assertThat(out).contains("DLL");
            assertThat(out).containsPattern("AddressOfEntryPoint\\s+0+\\b");
            assertThat(out).containsPattern("SectionAlignment\\s+0*1000").containsPattern("FileAlignment\\s+0*200");
            assertThat(out).containsPattern("SizeOfHeaders\\s+0*200");
            MessageDllReader ours = MessageDllReader.read(bytes);
            assertThat(hex(out, "CheckSum")).isEqualTo(ours.storedChecksum()).isNotZero();
            assertThat(hex(out, "SizeOfImage")).isEqualTo(ours.sizeOfImage());
            assertThat(out).containsPattern("Entry 2 0*1000 [0-9a-f]{8} Resource Directory");
            assertThat(out).contains("Entry: ID: 0x00000b").contains("Entry: ID: 0x000010").contains("Entry: ID: 0x000409");
            assertThat(out).contains("The .rsrc Resource Directory section");
        }
    }

    @Test
    void windresDecompilesTheEventMessageTable() throws Exception {
        Path windres = ExternalTools.require("x86_64-w64-mingw32-windres", "binutils-mingw-w64");
        Path dll = dir.resolve(MessageDllGenerator.EVENT_MESSAGE_DLL);
        Files.write(dll, MessageDllGenerator.eventMessageDll("0.9.1"));
        String rc = run(windres.toString(), "-i", dll.toString(), "-O", "rc");
        // windres' "MC syntax dump": one "MessageId = 0x..." and its text per message.
        Matcher m = Pattern.compile("MessageId = 0x([0-9a-f]+)\\R\\s*(.*?)\\\\000").matcher(rc);
        long count = 0;
        List<Long> sample = new ArrayList<>();
        while (m.find()) {
            long id = Long.parseLong(m.group(1), 16);
            assertThat(m.group(2)).as("text of 0x" + m.group(1)).isEqualTo("%1");
            if ((id & 0xFFFF) == 0 || (id & 0xFFFF) == 0xFFFF) {
                sample.add(id);
            }
            count++;
        }
        assertThat(count).isEqualTo(8L * 65536);
        assertThat(sample).contains(0L, 0xFFFFL, 0x4000_0000L, 0x8000_FFFFL, 0xC000_0000L, 0xE000_FFFFL);
        assertVersionBlock(rc, "0, 9, 1, 0", "0.9.1", MessageDllGenerator.EVENT_MESSAGE_DLL);
    }

    @Test
    void windresDecompilesCustomCategories() throws Exception {
        Path windres = ExternalTools.require("x86_64-w64-mingw32-windres", "binutils-mingw-w64");
        List<String> names = List.of("Orders", "Billing", "Shipping");
        Path dll = dir.resolve("c.dll");
        Files.write(dll, MessageDllGenerator.categoryMessageDll(names, "1.0.0", "c.dll"));
        String rc = run(windres.toString(), "-i", dll.toString(), "-O", "rc");
        assertThat(rc).contains("RT_MESSAGETABLE").contains("LANGUAGE 9, 1");
        for (int i = 0; i < names.size(); i++) {
            assertThat(rc).containsPattern("MessageId = 0x" + (i + 1) + "\\R\\s*" + names.get(i) + "\\\\000");
        }
        assertThat(rc).doesNotContain("MessageId = 0x4");
        assertVersionBlock(rc, "1, 0, 0, 0", "1.0.0", "c.dll");
    }

    private static void assertVersionBlock(String rc, String numeric, String text, String file) {
        assertThat(rc).contains("FILEVERSION " + numeric).contains("PRODUCTVERSION " + numeric)
                .contains("FILETYPE 0x2").contains("FILEOS 0x40004")
                .contains("BLOCK \"040904B0\"")
                .contains("VALUE \"CompanyName\", \"winlog\"")
                .contains("VALUE \"FileVersion\", \"" + text + "\"")
                .contains("VALUE \"ProductVersion\", \"" + text + "\"")
                .contains("VALUE \"ProductName\", \"winlog\"")
                .contains("VALUE \"OriginalFilename\", \"" + file + "\"")
                .containsPattern("VALUE \"FileDescription\", \"[^\"]+\"")
                .contains("VALUE \"Translation\", 0x409, 1200");
    }

    private static long hex(String objdump, String field) {
        Matcher m = Pattern.compile(field + "\\s+([0-9a-fA-F]+)").matcher(objdump);
        assertThat(m.find()).as(field + " in objdump output").isTrue();
        return Long.parseLong(m.group(1), 16);
    }

    private String run(String... cmd) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", cmd) + " finished").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ":\n" + text.substring(0, Math.min(2000, text.length()))).isZero();
        return text;
    }
}
