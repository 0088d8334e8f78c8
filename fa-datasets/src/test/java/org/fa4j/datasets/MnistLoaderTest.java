package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fa4j.datasets.idx.Idx;
import org.fa4j.datasets.idx.IdxArray;
import org.fa4j.datasets.idx.IdxFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loader on small generated MNIST-format directories (the real files are tested in {@link RealDataTest}). */
class MnistLoaderTest {
    @TempDir
    Path dir;

    static final byte[] TRAIN_PIXELS = {0, (byte) 255, 51, 102, (byte) 128, 1, 2, 3, 4, 5, 6, 7};
    static final byte[] TRAIN_LABELS = {3, 0, 9};
    static final byte[] TEST_PIXELS = {9, 8, 7, 6};
    static final byte[] TEST_LABELS = {1};

    private void writeSet(String sep, boolean gz) throws IOException {
        String suffix = gz ? ".gz" : "";
        write(dir.resolve("train-images" + sep + "idx3-ubyte" + suffix), IdxArray.ofUnsignedBytes(TRAIN_PIXELS, 3, 2, 2), gz);
        write(dir.resolve("train-labels" + sep + "idx1-ubyte" + suffix), IdxArray.ofUnsignedBytes(TRAIN_LABELS, 3), gz);
        write(dir.resolve("t10k-images" + sep + "idx3-ubyte" + suffix), IdxArray.ofUnsignedBytes(TEST_PIXELS, 1, 2, 2), gz);
        write(dir.resolve("t10k-labels" + sep + "idx1-ubyte" + suffix), IdxArray.ofUnsignedBytes(TEST_LABELS, 1), gz);
    }

    private static void write(Path f, IdxArray a, boolean gz) throws IOException {
        if (gz) {
            Idx.writeGzip(f, a);
        } else {
            Idx.write(f, a);
        }
    }

    @ParameterizedTest
    @CsvSource({"-,false", ".,false", "-,true", ".,true"})
    void loadsEitherNamingRawOrGzip(String sep, boolean gz) throws IOException {
        writeSet(sep, gz);
        TrainTest tt = Mnist.load(dir);
        assertThat(tt.train().inputs().shape()).isEqualTo("3x4");
        assertThat(tt.test().inputs().shape()).isEqualTo("1x4");
        assertThat(tt.train().labels()).containsExactly(3, 0, 9);
        assertThat(tt.test().labels()).containsExactly(1);
    }

    @Test
    void pixelsBecomeValueOver255() throws IOException {
        writeSet("-", false);
        float[] x = Mnist.load(dir).train().inputs().toArray();
        assertThat(x[0]).isEqualTo(0f);
        assertThat(x[1]).isEqualTo(1f);
        assertThat(x[2]).isEqualTo(0.2f);
        assertThat(x[3]).isEqualTo(0.4f);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isEqualTo((float) ((TRAIN_PIXELS[i] & 0xFF) / 255.0));
        }
    }

    @Test
    void oneHotTargetsPutOneAtTheLabel() throws IOException {
        writeSet("-", false);
        Dataset train = Mnist.load(dir).train();
        assertThat(train.targets().shape()).isEqualTo("3x10");
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 10; c++) {
                assertThat(train.targets().get(i, c)).isEqualTo(c == train.labels()[i] ? 1f : 0f);
            }
        }
    }

    @Test
    void targetsAreLeftOutOnRequest() throws IOException {
        writeSet("-", true);
        Dataset train = Mnist.load(dir, false).train();
        assertThat(train.hasTargets()).isFalse();
        assertThat(train.labels()).containsExactly(3, 0, 9);
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        writeSet("-", false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Idx.write(labels, IdxArray.ofUnsignedBytes(new byte[] {1, 2}, 2));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(labels.toString()).hasMessageContaining("offset 4")
                .hasMessageContaining("2 labels").hasMessageContaining("3 images");
    }

    @Test
    void aLabelAboveNineIsRejectedAtItsOffset() throws IOException {
        writeSet("-", false);
        Idx.write(dir.resolve("train-labels-idx1-ubyte"), IdxArray.ofUnsignedBytes(new byte[] {1, 10, 2}, 3));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("offset 9").hasMessageContaining("label 1 is 10");
    }

    @Test
    void imagesOfTheWrongTypeOrRankAreRejected() throws IOException {
        writeSet("-", false);
        Idx.write(dir.resolve("train-images-idx3-ubyte"), IdxArray.ofFloats(new float[12], 3, 4));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("rank-3 UNSIGNED_BYTE").hasMessageContaining("FLOAT");
    }

    @Test
    void aMissingFileIsNamedWithTheNamesTried() throws IOException {
        writeSet("-", false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz").hasMessageContaining("t10k-labels.idx1-ubyte")
                .hasMessageContaining("bin/fetch-data");
    }
}
