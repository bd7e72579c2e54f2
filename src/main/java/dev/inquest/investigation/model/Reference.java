package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A reference: {@code [title](link)} or a bare {@code [title]}.
 *
 * @param markdown the item exactly as written when it was neither shape (imported documents);
 *                 exports then repeat it verbatim instead of rewriting the user's words
 */
@JsonPropertyOrder({"title", "link", "markdown"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reference(String title, String link, String markdown) {
    public Reference {
        Objects.requireNonNull(title, "title");
    }

    public static Reference of(String title, String link) {
        return new Reference(title, link, null);
    }
}
