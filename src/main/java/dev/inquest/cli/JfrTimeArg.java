package dev.inquest.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in a recording as {@code --from/--to} accept it: seconds from the recording start
 * ({@code 90}, {@code 12.5}, {@code 1500ms}, {@code 90s}, {@code 2m}) or an ISO-8601 instant
 * ({@code 2025-03-01T10:15:30Z}).
 */
record JfrTimeArg(String text) {
    static final String HELP = "seconds from the recording start (90, 12.5, 1500ms, 90s, 2m) or an ISO-8601 instant (2025-03-01T10:15:30Z)";
    private static final Pattern RELATIVE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|min|h)?");

    /** Throws IllegalArgumentException with a message fit for a usage error. */
    Instant resolve(Instant recordingStart) {
        Matcher m = RELATIVE.matcher(text.strip());
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double seconds = switch (unit) {
                case "ms" -> v / 1000;
                case "m", "min" -> v * 60;
                case "h" -> v * 3600;
                default -> v;
            };
            return recordingStart.plus(Duration.ofNanos((long) (seconds * 1e9)));
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: use " + HELP);
        }
    }
}
