package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fa4j.datasets.io.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHA-256 against the standard's known answers (FIPS 180-2 test vectors), on files of 0, 3 and 1 000 000 bytes. */
class DigestsTest {
    @TempDir
    Path dir;

    @Test
    void matchesTheStandardsTestVectors() throws Exception {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        Path abc = Files.writeString(dir.resolve("abc"), "abc");
        byte[] million = new byte[1_000_000];
        java.util.Arrays.fill(million, (byte) 'a');
        Path a = Files.write(dir.resolve("a"), million); // more than one 64 KiB block
        assertThat(Digests.sha256(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digests.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.sha256(a)).isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    @Test
    void mnistNamesTheFourFilesItReadsAndAMissingOneIsNamed() throws Exception {
        for (String n : new String[] {Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS + ".gz", "t10k-images.idx3-ubyte", Mnist.TEST_LABELS}) {
            Files.write(dir.resolve(n), new byte[0]);
        }
        assertThat(Mnist.files(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS + ".gz", "t10k-images.idx3-ubyte", Mnist.TEST_LABELS);
        Files.delete(dir.resolve(Mnist.TEST_LABELS));
        assertThatThrownBy(() -> Mnist.files(dir)).isInstanceOf(NoSuchFileException.class).hasMessageContaining("t10k-labels");
    }
}
