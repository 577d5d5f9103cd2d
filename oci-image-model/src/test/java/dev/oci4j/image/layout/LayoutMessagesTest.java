package dev.oci4j.image.layout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.ImageFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout errors name the file once, without repeating what it is. */
class LayoutMessagesTest {

    @TempDir
    Path tmp;

    @Test
    void aBrokenIndexJsonIsNamedOnce() throws Exception {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        Files.writeString(layout.root().resolve("index.json"), "{\"schemaVersion\": \"two\"}");
        assertThatThrownBy(layout::index).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith("index.json")
                .hasMessageNotContaining("index.json: index:")
                .hasMessageNotContaining("index: index");
    }
}
