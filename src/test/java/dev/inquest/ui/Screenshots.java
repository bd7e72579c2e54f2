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

    /**
     * A window with a dialog over it, as the user sees them: the dialog's scene drawn onto the
     * window's at its place on the screen, framed (a scene has no window border). Must run on the FX thread.
     */
    public static Path captureWithDialog(javafx.stage.Window window, javafx.stage.Window dialog, String name) {
        WritableImage back = window.getScene().snapshot(null);
        WritableImage front = dialog.getScene().snapshot(null);
        int dx = (int) Math.round(dialog.getX() + dialog.getScene().getX() - window.getX() - window.getScene().getX());
        int dy = (int) Math.round(dialog.getY() + dialog.getScene().getY() - window.getY() - window.getScene().getY());
        javafx.scene.image.PixelWriter w = back.getPixelWriter();
        javafx.scene.image.PixelReader r = front.getPixelReader();
        for (int y = 0; y < (int) front.getHeight(); y++) {
            for (int x = 0; x < (int) front.getWidth(); x++) {
                int tx = dx + x;
                int ty = dy + y;
                if (tx >= 0 && ty >= 0 && tx < back.getWidth() && ty < back.getHeight()) {
                    boolean edge = x == 0 || y == 0 || x == (int) front.getWidth() - 1 || y == (int) front.getHeight() - 1;
                    w.setArgb(tx, ty, edge ? 0xFF8C959F : r.getArgb(x, y)); // a frame where the window's border would be
                }
            }
        }
        return write(back, name);
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
