package dev.inquest.jfr.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class FlamePaletteTest {

    public static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    public static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    public static int blue(int rgb) {
        return rgb & 0xff;
    }

    @Test
    void diffColoursGrowthRedShrinkBlueUnchangedGrey() {
        // Baseline: a 50 %, b 50 %. Now: a 80 %, b 20 % (fewer samples overall: shares are compared).
        Frame d = FlameTransforms.diff(
                CollapsedStacks.parse("main;a 500\nmain;b 500\nmain;c 0\n"),
                CollapsedStacks.parse("main;a 80\nmain;b 20\n"));
        FlameIndex index = FlameIndex.of(d);
        int[] c = FlamePalette.colors(index, ColorMode.DIFF);
        int a = c[index.find("main", "a")];
        int b = c[index.find("main", "b")];
        int main = c[index.find("main")];
        assertThat(red(a)).isGreaterThan(blue(a) + 100);
        assertThat(blue(b)).isGreaterThan(red(b) + 100);
        assertThat(main).isEqualTo(FlamePalette.UNCHANGED);
        assertThat(red(main)).isEqualTo(green(main)).isEqualTo(blue(main));
    }

    @Test
    void diffIntensityGrowsWithTheChange() {
        int small = FlamePalette.diff(0.05, 0.5);
        int large = FlamePalette.diff(0.5, 0.5);
        // More saturated red: the gap between red and blue channels widens.
        assertThat(red(large) - blue(large)).isGreaterThan(red(small) - blue(small));
        assertThat(FlamePalette.diff(0.0001, 0.5)).isEqualTo(FlamePalette.UNCHANGED);
    }

    @Test
    void kindColoursFollowTheConvention() {
        int jit = FlamePalette.kind(FrameKind.JIT_COMPILED, "x.Y.z");
        int inl = FlamePalette.kind(FrameKind.INLINED, "x.Y.z");
        int nat = FlamePalette.kind(FrameKind.NATIVE, "memcpy");
        assertThat(green(jit)).isGreaterThan(red(jit)).isGreaterThan(blue(jit) - 1);
        assertThat(blue(inl)).isGreaterThan(red(inl) + 60);   // aqua
        assertThat(green(inl)).isGreaterThan(red(inl) + 60);
        assertThat(red(nat)).isGreaterThan(blue(nat) + 100);  // yellow
        assertThat(green(nat)).isGreaterThan(blue(nat) + 100);
    }

    @Test
    void packageColourIsStableAndSharedWithinAPackage() {
        assertThat(FlamePalette.packageOf("java.util.HashMap.resize")).isEqualTo("java.util");
        assertThat(FlamePalette.packageOf("java/util/HashMap.resize(I)V")).isEqualTo("java.util");
        assertThat(FlamePalette.packageOf("Main.main")).isEqualTo("Main");
        assertThat(FlamePalette.packageOf("memcpy")).isEqualTo("memcpy");
        assertThat(FlamePalette.packageOf("java.lang.String", FrameKind.ALLOCATED_CLASS)).isEqualTo("java.lang");
        assertThat(FlamePalette.packageOf("java.lang.String.hashCode", FrameKind.JIT_COMPILED)).isEqualTo("java.lang");
        FlameIndex index = FlameIndex.of(CollapsedStacks.parse("java.util.HashMap.put;java.util.HashMap.resize;java.lang.String.hashCode 1"));
        int[] c = FlamePalette.colors(index, ColorMode.PACKAGE);
        assertThat(c[1]).isEqualTo(c[2]);
        assertThat(c[3]).isNotEqualTo(c[2]);
        assertThat(FlamePalette.packageColor("java.util")).isEqualTo(c[1]);
    }

    @Test
    void textIsDarkOnLightFills() {
        assertThat(FlamePalette.textOn(0xf0f0a0)).isEqualTo(0x111111);
        assertThat(FlamePalette.textOn(0x202060)).isEqualTo(0xffffff);
    }
}
