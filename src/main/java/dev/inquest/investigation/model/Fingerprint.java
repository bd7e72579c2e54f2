package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * What identifies an artifact file without reading all of it: size, modification time and
 * the SHA-256 of its first {@code headBytes} bytes.
 */
@JsonPropertyOrder({"size", "modified", "headBytes", "headSha256"})
public record Fingerprint(long size, Instant modified, int headBytes, String headSha256) {
}
