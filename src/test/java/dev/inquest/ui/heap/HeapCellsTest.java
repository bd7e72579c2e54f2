package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapCellsTest {
    @Test
    void packagesShrinkToInitialsAndTheClassNameStaysWhole() {
        assertThat(HeapCells.shortPackages("jdk.internal.loader.ClassLoaders$AppClassLoader")).isEqualTo("j.i.l.ClassLoaders$AppClassLoader");
        assertThat(HeapCells.shortPackages("java.util.concurrent.ConcurrentHashMap$Node[]")).isEqualTo("j.u.c.ConcurrentHashMap$Node[]");
        assertThat(HeapCells.shortPackages("class java.lang.System")).isEqualTo("class j.l.System");
        assertThat(HeapCells.shortPackages("com.acme.Cache$$Lambda+0x000001e2b3c4d5e6")).isEqualTo("c.a.Cache$$Lambda+0x000001e2b3c4d5e6");
        assertThat(HeapCells.shortPackages("byte[]")).isEqualTo("byte[]");
        assertThat(HeapCells.shortPackages("Main")).isEqualTo("Main");
    }

    @Test
    void theLastResortLeavesThePackagesOutButKeepsNestedNamesAndTheClassPrefix() {
        assertThat(HeapCells.simpleName("class jdk.jfr.internal.MetadataRepository")).isEqualTo("class MetadataRepository");
        assertThat(HeapCells.simpleName("jdk.internal.loader.ClassLoaders$AppClassLoader")).isEqualTo("ClassLoaders$AppClassLoader");
        assertThat(HeapCells.simpleName("java.util.concurrent.ConcurrentHashMap$Node[]")).isEqualTo("ConcurrentHashMap$Node[]");
        assertThat(HeapCells.simpleName("com.acme.Cache$$Lambda+0x000001e2b3c4d5e6")).isEqualTo("Cache$$Lambda+0x000001e2b3c4d5e6");
        assertThat(HeapCells.simpleName("byte[]")).isEqualTo("byte[]");
        // An object's forms, longest first: the address is in every one.
        assertThat(HeapCells.objectLabels("class jdk.jfr.internal.MetadataRepository", 0xf02e3678L)).containsExactly(
                "class j.j.i.MetadataRepository @ 0xf02e3678", "class MetadataRepository @ 0xf02e3678");
    }

    @Test
    void anExactFilterReadsAsTypedAndMatchesOnlyThatClass() {
        String filter = HeapDocument.exactly("java.util.HashMap$Node[]");
        assertThat(filter).isEqualTo("^java\\.util\\.HashMap\\$Node\\[\\]$");
        assertThat(java.util.regex.Pattern.compile(filter).matcher("java.util.HashMap$Node[]").find()).isTrue();
        assertThat(java.util.regex.Pattern.compile(filter).matcher("java.util.HashMapxNode[]").find()).isFalse();
        assertThat(java.util.regex.Pattern.compile(filter).matcher("java.util.HashMap$Node[][]").find()).isFalse();
    }
}
