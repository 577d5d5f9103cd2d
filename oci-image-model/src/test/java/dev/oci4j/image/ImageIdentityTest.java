package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageIdentityTest {

    private static final Digest A = Digest.parse("sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1");
    private static final Digest B = Digest.parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
    private static final Digest C = Digest.parse("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // sha256("sha256:c6f9... sha256:5f70..."), computed independently with Python's hashlib.
    private static final Digest AB = Digest.parse("sha256:c3191d32a37d7159b2e30830937d2e30268ad6c375a773a8994911a3aba9b93f");
    private static final Digest ABC = Digest.parse("sha256:6f0a0696263337b2d736479620d499fcbfdcaabd531638e8a7591dacf9797635");

    @Test
    void theDiffIdOfAnEmptyTarIsTheWellKnownEmptyLayerDigest() throws IOException {
        // An empty tar archive is two 512-byte zero blocks; its DiffID is the spec example's second diff_id.
        assertThat(ImageIdentity.diffId(new ByteArrayInputStream(new byte[1024]))).isEqualTo(B);
    }

    @Test
    void theChainIdOfOneLayerIsItsDiffId() {
        assertThat(ImageIdentity.chainId(List.of(A))).isEqualTo(A);
        assertThat(ImageIdentity.chainIds(List.of(A))).containsExactly(A);
    }

    @Test
    void eachChainIdDigestsThePreviousChainIdASpaceAndTheNextDiffId() {
        assertThat(ImageIdentity.chainIds(List.of(A, B, C))).containsExactly(A, AB, ABC);
        assertThat(ImageIdentity.chainId(List.of(A, B, C))).isEqualTo(ABC);
        assertThat(RootFs.of(List.of(A, B)).chainIds()).containsExactly(A, AB);
    }

    @Test
    void anEmptyStackHasNoChainIdButAnEmptyListOfChainIds() {
        assertThat(ImageIdentity.chainIds(List.of())).isEmpty();
        assertThatThrownBy(() -> ImageIdentity.chainId(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theImageIdIsTheDigestOfTheConfigurationBytes() throws IOException {
        byte[] bytes = SpecExamplesTest.resource("/spec-examples/config-1.json");
        assertThat(ImageIdentity.imageId(bytes)).isEqualTo(Digest.sha256(bytes));
        assertThat(ImageJson.parse(ImageDocument.CONFIGURATION, bytes).digest())
                .isEqualTo(ImageIdentity.imageId(bytes));
    }
}
