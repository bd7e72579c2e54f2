package dev.inquest.ui.common;

import java.util.List;
import java.util.Objects;
import dev.inquest.ui.task.TaskRunner;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * The one thread that builds, styles and lays out scenes that are not in a showing window (the
 * task runner's {@link TaskRunner.Lane#OFFSCREEN} lane), so the FX thread later only attaches
 * what is ready. JavaFX allows such scenes on any thread; its CSS engine's caches are shared, so
 * one such thread at a time.
 */
public final class Offscreen {
    private static final String UNSTYLED = Objects.requireNonNull(
            Offscreen.class.getResource("unstyled.css"), "unstyled.css").toExternalForm();

    private Offscreen() {
    }

    /** Queues {@code job} behind the ones already waiting. */
    public static void submit(Runnable job) {
        TaskRunner.Lane.OFFSCREEN.executor().execute(() -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                // Off-screen work only prepares for speed: when it fails, the FX thread does it when asked.
            }
        });
    }

    /**
     * Creates {@code view}'s skins and cells the way the window will show them: styled with the
     * window's {@code stylesheets} and root {@code rootStyle} (the font size), laid out at
     * {@code width} x {@code height}. Call it on this class's thread.
     *
     * <p>The view then passes through a scene with no style sheet at all before it is handed
     * back. A node keeps the style state of the last scene that styled it, and when it joins
     * another scene, JavaFX resets that state by looking its style maps up by number in the
     * <em>new</em> scene's cache, where the numbers mean other rules. The window then logged 45
     * "String cannot be cast to Paint" warnings for rules like {@code .heap-nav} and
     * {@code .scroll-bar} while attaching the prebuilt dominator tree, which made that attach
     * cost 36-46 ms instead of 1-2. In the unstyled scene the reset finds no rules and leaves
     * nothing to reset later; the window's CSS pass then styles the view afresh.
     */
    public static void prepare(Node view, List<String> stylesheets, String rootStyle, double width, double height) {
        StackPane holder = new StackPane(view);
        holder.setStyle(rootStyle);
        Scene scratch = new Scene(holder, width, height);
        scratch.getStylesheets().setAll(stylesheets);
        holder.applyCss();
        holder.layout();
        holder.getChildren().clear();

        Group bare = new Group();
        Scene unstyled = new Scene(bare);
        unstyled.setUserAgentStylesheet(UNSTYLED);
        bare.getChildren().add(view);
        bare.getChildren().clear();
    }
}
