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
        getChildren().addAll(heading, tagline, open, hint);
        if (openDemo != null) {
            getChildren().addAll(demo, demoHint);
        }
        getChildren().addAll(gap, recentTitle, recentList);
    }
}
