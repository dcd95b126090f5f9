package io.winlog.jna.messagedll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The writer's output read back with our own PE reader (the mingw tools check it independently). */
class MessageDllWriterTest {

    @ParameterizedTest
    @EnumSource(PeMachine.class)
    void eventMessageFileCoversEveryIdInEverySeverity(PeMachine machine) {
        byte[] dll = MessageDllWriter.builder().machine(machine).messages(MessageDllGenerator.eventMessages())
                .version(VersionInfo.of("events", "e.dll", "1.2.3")).build().write();
        MessageDllReader r = MessageDllReader.read(dll);
        assertThat(r.machine()).isEqualTo(machine);
        assertThat(r.checksumValid()).isTrue();
        assertThat(r.sizeOfHeaders()).isEqualTo(0x200);
        assertThat(r.sizeOfImage()).isEqualTo(MessageDllWriter.align(0x1000 + rsrcSize(dll), 0x1000));
        assertThat(dll.length % 0x200).isZero();
        MessageTable t = r.messages();
        assertThat(t).isEqualTo(MessageDllGenerator.eventMessages());
        assertThat(t.idCount()).isEqualTo(8L * 65536);
        for (long q : new long[] {0x0000, 0x2000, 0x4000, 0x6000, 0x8000, 0xA000, 0xC000, 0xE000}) {
            for (long id : new long[] {0, 1, 1000, 4096, 65534, 65535}) {
                assertThat(t.text(q << 16 | id)).isEqualTo("%1");
            }
        }
        assertThat(t.text(0x0001_0001L)).as("facility 1 is not covered").isNull();
        assertThat(r.resources()).extracting(MessageDllReader.Resource::language).containsOnly(0x0409);
        // One shared run of 65,536 entries of 12 bytes, not eight.
        assertThat(dll.length).isLessThan(800_000);
    }

    @Test
    void categoriesAndVersionRoundTrip() {
        List<String> names = List.of("Orders", "Billing", "Ünïcødé ✓ \uD83D\uDE00", "x".repeat(1000));
        byte[] dll = MessageDllGenerator.categoryMessageDll(names, "2.5.1-SNAPSHOT", "acme.dll");
        MessageDllReader r = MessageDllReader.read(dll);
        MessageTable t = r.messages();
        for (int i = 0; i < names.size(); i++) {
            assertThat(t.text(i + 1)).isEqualTo(names.get(i));
        }
        assertThat(t.text(0)).isNull();
        assertThat(t.text(5)).isNull();
        VersionInfo v = r.version();
        assertThat(v.fileVersion()).containsExactly(2, 5, 1, 0);
        assertThat(v.productVersion()).containsExactly(2, 5, 1, 0);
        assertThat(v.strings()).containsEntry("FileVersion", "2.5.1-SNAPSHOT")
                .containsEntry("ProductVersion", "2.5.1-SNAPSHOT")
                .containsEntry("OriginalFilename", "acme.dll")
                .containsEntry("CompanyName", "winlog")
                .containsEntry("ProductName", "winlog")
                .containsKey("FileDescription");
        assertThat(r.checksumValid()).isTrue();
    }

    @Test
    void outputIsDeterministic() {
        assertThat(MessageDllGenerator.eventMessageDll("1.0")).isEqualTo(MessageDllGenerator.eventMessageDll("1.0"));
        assertThat(MessageDllGenerator.categoryMessageDll(MessageDllGenerator.DEFAULT_CATEGORIES, "1.0", "c.dll"))
                .isEqualTo(MessageDllGenerator.categoryMessageDll(MessageDllGenerator.DEFAULT_CATEGORIES, "1.0", "c.dll"));
    }

    @Test
    void checksumDetectsAChangedByte() {
        byte[] dll = MessageDllGenerator.categoryMessageDll(List.of("A"), "1.0", "c.dll");
        dll[dll.length - 700] ^= 1;
        assertThat(MessageDllReader.read(dll).checksumValid()).isFalse();
    }

    @Test
    void checksumMatchesTheKnownAlgorithmOnAHandComputedExample() {
        // 4 words 0x0001, 0xFFFF, [checksum field skipped], 0x0002: 1 + 0xFFFF = 0x10000 -> fold -> 1, + 2 = 3, + length 12.
        byte[] f = {1, 0, (byte) 0xFF, (byte) 0xFF, 9, 9, 9, 9, 2, 0, 0, 0};
        assertThat(MessageDllWriter.checksum(f, 4)).isEqualTo(3 + 12);
    }

    @Test
    void rejectsWhatATableCannotHold() {
        assertThatThrownBy(() -> MessageTable.builder().range(1, 10, "a").message(10, "b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> MessageDllGenerator.categories(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageResourceEncoder.entry("x".repeat(40_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> MessageResourceEncoder.encode(MessageTable.builder().range(0, 0xFFFF_FFFFL, "a").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> new VersionInfo(new int[] {1, 2, 3}, new int[4], Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionParsing() {
        assertThat(VersionInfo.parseVersion("0.1.0-SNAPSHOT")).containsExactly(0, 1, 0, 0);
        assertThat(VersionInfo.parseVersion("1.2.3.4.5")).containsExactly(1, 2, 3, 4);
        assertThat(VersionInfo.parseVersion("7")).containsExactly(7, 0, 0, 0);
        assertThat(VersionInfo.parseVersion("1.x.99999")).containsExactly(1, 0, 65535, 0);
    }

    private static int rsrcSize(byte[] dll) {
        // VirtualSize of the single section: e_lfanew + 4 + 20 + optional header size + 8.
        int pe = dll[0x3C] & 0xFF | (dll[0x3D] & 0xFF) << 8;
        int opt = dll[pe + 20] & 0xFF | (dll[pe + 21] & 0xFF) << 8;
        int vs = pe + 24 + opt + 8;
        return dll[vs] & 0xFF | (dll[vs + 1] & 0xFF) << 8 | (dll[vs + 2] & 0xFF) << 16 | (dll[vs + 3] & 0xFF) << 24;
    }
}
