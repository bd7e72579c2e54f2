package dev.inquest.investigation.importer;

import dev.inquest.input.BadInputException;
import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Reads a Markdown file for import, refusing binaries and broken UTF-8 with the byte offset. */
public final class DocumentReader {
    private DocumentReader() {
    }

    /**
     * Larger documents are refused: no hand-written document comes near, and a case holding text
     * this long could not be read back (the case reader caps a string at 20 million characters).
     */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    public static Case importFile(Path file, LocalDate today) throws IOException {
        String text = read(file);
        int deep = MarkdownImporter.deepLine(text);
        if (deep >= 0) {
            // Refused rather than flattened in silence: the user learns where, and can fix the file.
            throw new BadInputException(file, "lists or block quotes nested deeper than " + MarkdownImporter.MAX_NESTING
                    + " levels (line " + (deep + 1) + ")", bomLength(file) + lineOffset(text, deep));
        }
        Case c = MarkdownImporter.importMarkdown(text);
        Case.Builder b = c.toBuilder();
        if (c.created() == null) {
            b.created(today);
        }
        if (c.updated() == null) {
            b.updated(today);
        }
        return b.build();
    }

    /** 3 when the file starts with a UTF-8 byte order mark, which {@link #read} drops. */
    private static int bomLength(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        }
    }

    /** The byte offset in {@code text} (as UTF-8) where line {@code index} (0-based) starts. */
    private static long lineOffset(String text, int index) {
        int line = 0;
        int i = 0;
        while (line < index && i < text.length()) {
            int nl = text.indexOf('\n', i);
            int cr = text.indexOf('\r', i);
            int end = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
            if (end < 0) {
                break;
            }
            i = end + (text.startsWith("\r\n", end) ? 2 : 1);
            line++;
        }
        return text.substring(0, i).getBytes(StandardCharsets.UTF_8).length;
    }

    public static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new BadInputException(file, "document too large to import (" + size + " bytes, at most "
                    + MAX_BYTES + ")", MAX_BYTES);
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(file, "not a Markdown document (binary content)", i);
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            throw new BadInputException(file, "not UTF-8 text", in.position());
        }
        try {
            r = dec.flush(out);
            if (r.isError()) {
                r.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, "not UTF-8 text", bytes.length);
        }
        out.flip();
        String text = out.toString();
        if (text.isBlank()) {
            throw new BadInputException(file, "empty document", 0);
        }
        return text;
    }
}
