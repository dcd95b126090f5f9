package io.winlog.jna.messagedll;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.CorruptInputException;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The PE reader on mutated DLLs (the installer reads files it did not write): it returns or
 * throws {@link CorruptInputException}, nothing else, and stays bounded.
 */
class MessageDllReaderFuzzTest {
    private static final byte[] CATEGORIES = MessageDllGenerator.categoryMessageDll(List.of("A", "Bb", "Ccc"), "1.2.3", "c.dll");

    @Property(tries = 500)
    void mutatedDllsOnlyThrowCorruptInput(@ForAll long seed, @ForAll @IntRange(min = 1, max = 16) int mutations) {
        Random rnd = new Random(seed);
        byte[] b = CATEGORIES.clone();
        int length = b.length;
        for (int i = 0; i < mutations && length > 0; i++) {
            int at = rnd.nextInt(length);
            switch (rnd.nextInt(4)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = (byte) rnd.nextInt(256);
                case 2 -> {
                    if (at + 4 <= length) {
                        int v = new int[] {0, -1, 0x7FFFFFFF, length, 0x1000, 0x80000000}[rnd.nextInt(6)];
                        for (int k = 0; k < 4; k++) {
                            b[at + k] = (byte) (v >>> (8 * k));
                        }
                    }
                }
                default -> length = rnd.nextInt(length + 1);
            }
        }
        byte[] mutant = java.util.Arrays.copyOf(b, length);
        try {
            MessageDllReader r = MessageDllReader.read(mutant);
            r.checksumValid();
            MessageTable t = r.messages();
            if (t != null) {
                assertThat(t.idCount()).isLessThanOrEqualTo(MessageResourceEncoder.MAX_ENTRIES);
            }
            r.version();
        } catch (CorruptInputException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
