package dev.inquest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Escaping checked by parsing our output with a real GFM parser, not by eyeballing strings. */
public class MarkdownTest {
    public static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static final String[] HOSTILE = {
        "java.util.HashMap$Node[]",
        "com.acme.Cache$Entry<String, List<byte[]>>",
        "Foo.<init>(I)V",
        "com.acme.`Weird`|Loader",
        "``double``ticks`",
        "`",
        "a|b|c",
        "<script>alert(1)</script>",
        "*not bold* _nor italic_ [nor](link) #1",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void codeSpanHoldsTheNameLiterally(int i) {
        String s = HOSTILE[i];
        Node doc = GFM.parse("Class " + Markdown.code(s) + " here");
        assertThat(codes(doc)).containsExactly(s);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void codeSpanInATableCellStaysInItsCell(int i) {
        String s = HOSTILE[i];
        String table = "| A | B |\n|---|---|\n| " + Markdown.cell(Markdown.code(s)) + " | after |\n";
        Node doc = GFM.parse(table);
        List<String> cells = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof TableCell cell && !cell.isHeader()) {
                    cells.add(plain(cell));
                }
                visitChildren(node);
            }
        });
        assertThat(cells).containsExactly(s, "after");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void plainTextIsInert(int i) {
        String s = HOSTILE[i];
        Node doc = GFM.parse(Markdown.text(s));
        assertThat(plain(doc)).isEqualTo(s);
        assertThat(codes(doc)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void fenceIsLongerThanAnyRunInside() {
        String content = "a ``` b\n````\n";
        String f = Markdown.fence(content, "");
        assertThat(f).startsWith("`````\n").endsWith("\n`````");
        Node doc = GFM.parse(f);
        assertThat(((org.commonmark.node.FencedCodeBlock) doc.getFirstChild()).getLiteral()).isEqualTo(content);
    }

    public static List<String> codes(Node doc) {
        List<String> out = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                out.add(code.getLiteral());
            }
        });
        return out;
    }

    static String plain(Node n) {
        StringBuilder sb = new StringBuilder();
        n.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.HtmlInline html) {
                sb.append(html.getLiteral());
            }
        });
        return sb.toString();
    }

    @Test
    void plainTextStaysOneInertParagraph() {
        String hostile = "<script>alert(1)</script> ]]> \"q\" 'q'\r- not a list\n# not a heading\r\n> nor a quote";
        String md = Markdown.text(hostile);
        assertThat(md).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("\n").doesNotContain("\r");
        Node doc = GFM.parse(md);
        assertThat(doc.getFirstChild()).isInstanceOf(org.commonmark.node.Paragraph.class);
        assertThat(doc.getFirstChild().getNext()).isNull();
        StringBuilder text = new StringBuilder();
        for (Node n = doc.getFirstChild().getFirstChild(); n != null; n = n.getNext()) {
            assertThat(n).isInstanceOf(Text.class);
            text.append(((Text) n).getLiteral());
        }
        assertThat(text.toString()).isEqualTo(hostile.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
    }
}
