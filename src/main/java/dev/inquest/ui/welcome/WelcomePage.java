package dev.inquest.ui.welcome;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The first page: what Inquest does, how to start, and the files opened last time. */
public final class WelcomePage extends VBox {
    /** A case listed under "Recent investigations": its file and its title. */
    public record RecentCase(Path file, String title) {
    }

    private final HBox actions;
    private final VBox recentCases = new VBox(4);
    private final Label recentCasesTitle = new Label("Recent investigations");

    public WelcomePage(List<Path> recent, Runnable openFile, Consumer<Path> openRecent) {
        this(recent, openFile, openRecent, null);
    }

    /** {@code openDemo} runs (or reopens) the demo investigation; null hides its button. */
    public WelcomePage(List<Path> recent, Runnable openFile, Consumer<Path> openRecent, Runnable openDemo) {
        setId("welcome-page");
        getStyleClass().add("welcome-page");
        setSpacing(18);
        setPadding(new Insets(48, 64, 48, 64));
        setAlignment(Pos.TOP_LEFT);
        setFillWidth(false);

        FontIcon logo = new FontIcon(MaterialDesignM.MAGNIFY_SCAN);
        logo.getStyleClass().add("brand-icon");
        Label title = new Label("Inquest");
        title.getStyleClass().add("title-1");
        HBox heading = new HBox(14, logo, title);
        heading.setAlignment(Pos.CENTER_LEFT);

        Label tagline = new Label("Open a heap dump and a flight recording of the same service side by side, "
                + "walk the dominator tree and the allocation flame graph, and keep the hypotheses "
                + "and evidence of the investigation in one case.");
        tagline.setWrapText(true);
        tagline.setMaxWidth(620);
        tagline.getStyleClass().add("text-muted");

        Button open = new Button("Open file...", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("welcome-open");
        open.getStyleClass().addAll("accent", "large");
        open.setDefaultButton(true);
        open.setOnAction(e -> openFile.run());
        actions = new HBox(10, open);
        actions.setId("welcome-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Heap dumps (.hprof, .hprof.gz), recordings (.jfr) and cases (.inquest), "
                + "also by drag and drop.  Ctrl+O");
        hint.getStyleClass().add("text-small");

        Button demo = new Button("Open the demo investigation", new FontIcon(MaterialDesignF.FLASK_OUTLINE));
        demo.setId("welcome-demo");
        demo.setOnAction(e -> openDemo.run());
        Label demoHint = new Label("Runs a small leaky service on this machine (under a minute) and opens its two "
                + "heap dumps, its flight recording and a case about them.");
        demoHint.setWrapText(true);
        demoHint.setMaxWidth(620);
        demoHint.getStyleClass().add("text-small");

        Label recentTitle = new Label("Recent files");
        recentTitle.getStyleClass().add("title-4");
        VBox recentList = new VBox(4);
        recentList.setId("welcome-recent");
        if (recent.isEmpty()) {
            Label none = new Label("Nothing opened yet.");
            none.getStyleClass().add("text-muted");
            recentList.getChildren().add(none);
        }
        for (Path p : recent) {
            Hyperlink link = new Hyperlink(p.getFileName() + "  \u2014  " + p.getParent());
            link.setOnAction(e -> openRecent.accept(p));
            recentList.getChildren().add(link);
        }

        Region gap = new Region();
        gap.setMinHeight(8);
        recentCasesTitle.getStyleClass().add("title-4");
        recentCases.setId("welcome-recent-cases");
        showRecentCases(List.of(), p -> { });
        getChildren().addAll(heading, tagline, actions, hint);
        if (openDemo != null) {
            getChildren().addAll(demo, demoHint);
        }
        getChildren().addAll(gap, recentCasesTitle, recentCases, recentTitle, recentList);
    }

    /** Adds a start button beside "Open file..." (New investigation, the demo). */
    public Button addStartAction(String id, String text, javafx.scene.Node icon, Runnable action) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.getStyleClass().add("large");
        b.setOnAction(e -> action.run());
        actions.getChildren().add(b);
        return b;
    }

    /** Lists recent cases by title; the section is hidden while there are none. */
    public void showRecentCases(List<RecentCase> cases, Consumer<Path> open) {
        recentCases.getChildren().clear();
        for (RecentCase c : cases) {
            Hyperlink link = new Hyperlink(c.title() + "  \u2014  " + c.file().getFileName());
            link.setOnAction(e -> open.accept(c.file()));
            recentCases.getChildren().add(link);
        }
        boolean any = !cases.isEmpty();
        recentCases.setVisible(any);
        recentCases.setManaged(any);
        recentCasesTitle.setVisible(any);
        recentCasesTitle.setManaged(any);
    }
}
