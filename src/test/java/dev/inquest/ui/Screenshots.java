package dev.inquest.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders scenes to PNG for the docs. Always writes under {@code target/screenshots}; with
 * {@code -Dinquest.screenshots=docs/images} (see README) the same files refresh the published ones.
 */
public final class Screenshots {
    private Screenshots() {
    }

    /** Must run on the FX thread. Returns the file written under target/. */
    public static Path capture(Scene scene, String name) {
        return write(scene.snapshot(null), name);
    }

    /** One part of a window (a narrow tab group), at its own size. Must run on the FX thread. */
    public static Path capture(javafx.scene.Node node, String name) {
        return write(node.snapshot(null, null), name);
    }

    private static Path write(WritableImage image, String name) {
        try {
            Path out = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(out.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            String publish = System.getProperty("inquest.screenshots");
            if (publish != null && !publish.isBlank()) {
                Path dir = Path.of(publish);
                Files.createDirectories(dir);
                Files.copy(out, dir.resolve(out.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
