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

    public static Case importFile(Path file, LocalDate today) throws IOException {
        Case c = MarkdownImporter.importMarkdown(read(file));
        Case.Builder b = c.toBuilder();
        if (c.created() == null) {
            b.created(today);
        }
        if (c.updated() == null) {
            b.updated(today);
        }
        return b.build();
    }

    public static String read(Path file) throws IOException {
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
