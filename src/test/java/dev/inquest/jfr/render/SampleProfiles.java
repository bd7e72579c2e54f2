package dev.inquest.jfr.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic-looking trees for screenshots and the benchmark: a web service's CPU
 * profile made of real JDK and framework frame names, and random trees of a given size.
 */
public final class SampleProfiles {
    private SampleProfiles() {
    }

    private static final String[] BASE = {
            "java.lang.Thread.run_[j]", "java.util.concurrent.ThreadPoolExecutor$Worker.run_[j]",
            "java.util.concurrent.ThreadPoolExecutor.runWorker_[j]",
            "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run_[j]",
            "org.eclipse.jetty.server.HttpChannel.handle_[j]", "org.springframework.web.servlet.DispatcherServlet.doDispatch_[j]"};

    private static final String[][] LEAVES = {
            {"com.shop.checkout.CheckoutController.submit_[j]", "com.shop.checkout.PriceService.total_[j]",
                    "java.math.BigDecimal.add_[i]", "java.math.BigDecimal.<init>_[i]"},
            {"com.shop.checkout.CheckoutController.submit_[j]", "com.shop.cart.CartRepository.load_[j]",
                    "com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery_[j]",
                    "org.postgresql.jdbc.PgPreparedStatement.executeQuery_[j]", "java.net.SocketInputStream.read_[j]",
                    "sun.nio.ch.NioSocketImpl.read_[j]", "Java_sun_nio_ch_SocketDispatcher_read0_[n]", "read_[n]",
                    "entry_SYSCALL_64_after_hwframe_[k]", "do_syscall_64_[k]", "ksys_read_[k]"},
            {"com.shop.catalog.SearchController.search_[j]", "com.shop.catalog.Index.query_[j]",
                    "java.util.HashMap.get_[i]", "java.lang.String.hashCode_[i]"},
            {"com.shop.catalog.SearchController.search_[j]", "com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString_[j]",
                    "com.fasterxml.jackson.databind.ser.BeanSerializer.serialize_[j]",
                    "com.fasterxml.jackson.core.json.UTF8JsonGenerator.writeString_[0]", "java.lang.String.getChars_[i]"},
            {"com.shop.catalog.SearchController.search_[j]", "com.shop.catalog.Index.query_[j]",
                    "java.util.regex.Pattern$Start.match_[j]", "java.util.regex.Pattern$GroupHead.match_[j]",
                    "java.util.regex.Pattern$Loop.match_[j]", "java.util.regex.Pattern$GroupHead.match_[j]",
                    "java.util.regex.Pattern$Loop.match_[j]", "java.util.regex.Pattern$CharProperty.match_[i]"},
            {"com.shop.checkout.CheckoutController.submit_[j]", "com.shop.audit.AuditLog.record_[j]",
                    "ch.qos.logback.classic.Logger.info_[j]", "ch.qos.logback.core.OutputStreamAppender.writeBytes_[j]",
                    "java.io.FileOutputStream.writeBytes_[n]", "write_[n]"},
            {"com.shop.checkout.CheckoutController.submit_[j]", "com.shop.checkout.PriceService.total_[j]",
                    "com.shop.checkout.Discounts.apply_[0]", "java.util.stream.ReferencePipeline.collect_[j]",
                    "java.util.ArrayList.<init>_[i]"},
    };

    /** A plausible service CPU profile: ~40 distinct stacks with weights drawn from a seeded random. */
    public static Frame service(long seed, double... skew) {
        Random r = new Random(seed);
        StringBuilder out = new StringBuilder();
        String gc = "GC Thread#0_[n];G1ParTask::work_[n];G1ParScanThreadState::trim_queue_[n];G1ParScanThreadState::copy_to_survivor_space_[n]";
        out.append(gc).append(' ').append(300 + r.nextInt(200)).append('\n');
        out.append("C2 CompilerThread0_[n];CompileBroker::compiler_thread_loop_[n];C2Compiler::compile_method_[n];Compile::Optimize_[n] ")
                .append(150 + r.nextInt(100)).append('\n');
        for (int k = 0; k < LEAVES.length; k++) {
            double factor = skew.length > k ? skew[k] : 1;
            for (int depth = 1; depth <= LEAVES[k].length; depth++) {
                int w = (int) ((20 + r.nextInt(400)) * factor);
                if (depth < LEAVES[k].length && r.nextInt(3) > 0) {
                    continue;
                }
                out.append(String.join(";", BASE)).append(';')
                        .append(String.join(";", List.of(LEAVES[k]).subList(0, depth))).append(' ').append(w).append('\n');
            }
        }
        return CollapsedStacks.parse(out.toString());
    }

    /** An allocation profile in bytes: the same service, allocated classes as leaf frames. */
    public static Frame allocations() {
        String base = String.join(";", BASE) + ";";
        return CollapsedStacks.parse(base + """
                com.shop.catalog.SearchController.search_[j];com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString_[j];com.fasterxml.jackson.core.util.BufferRecycler.allocCharBuffer_[i];char[]_[a] 734003200
                """.strip() + "\n" + base + """
                com.shop.catalog.SearchController.search_[j];com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString_[j];java.lang.StringBuilder.toString_[i];java.lang.String_[a] 201326592
                """.strip() + "\n" + base + """
                com.shop.catalog.SearchController.search_[j];com.shop.catalog.Index.query_[j];java.util.ArrayList.grow_[i];java.lang.Object[]_[a] 1288490188
                """.strip() + "\n" + base + """
                com.shop.catalog.SearchController.search_[j];com.shop.catalog.Index.query_[j];java.util.HashMap.resize_[j];java.util.HashMap$Node[]_[a] 322122547
                """.strip() + "\n" + base + """
                com.shop.checkout.CheckoutController.submit_[j];com.shop.cart.CartRepository.load_[j];org.postgresql.core.v3.QueryExecutorImpl.receiveFields_[j];byte[]_[a] 536870912
                """.strip() + "\n" + base + """
                com.shop.checkout.CheckoutController.submit_[j];com.shop.checkout.PriceService.total_[j];java.math.BigDecimal.add_[i];java.math.BigDecimal_[a] 94371840
                """.strip() + "\n" + base + """
                com.shop.checkout.CheckoutController.submit_[j];com.shop.audit.AuditLog.record_[j];ch.qos.logback.classic.spi.LoggingEvent.<init>_[j];ch.qos.logback.classic.spi.LoggingEvent_[a] 62914560
                """.strip() + "\n");
    }

    /** A random tree of about {@code nodes} frames with Java-looking labels and mixed kinds. */
    public static Frame random(int nodes, long seed) {
        Random r = new Random(seed);
        FrameKind[] kinds = {FrameKind.JIT_COMPILED, FrameKind.JIT_COMPILED, FrameKind.INLINED, FrameKind.INTERPRETED, FrameKind.NATIVE};
        String[] pkgs = {"java.util", "java.lang", "com.shop.checkout", "org.eclipse.jetty.server", "io.netty.channel", "sun.nio.ch"};
        MutableFrame root = new MutableFrame("all", FrameKind.UNKNOWN);
        List<MutableFrame> all = new ArrayList<>();
        all.add(root);
        List<Integer> depths = new ArrayList<>();
        depths.add(0);
        // Labels come from a limited vocabulary, as in real profiles (the same methods under many
        // callers), so that reverse and search see realistic repetition.
        while (all.size() < nodes) {
            // Prefer recent nodes as parents so the tree gets deep, like real stacks do.
            int p = r.nextInt(4) == 0 ? r.nextInt(all.size()) : Math.max(0, all.size() - 1 - r.nextInt(Math.min(all.size(), 20)));
            if (depths.get(p) > 120) {
                p = r.nextInt(Math.min(all.size(), 50));
            }
            String label = pkgs[r.nextInt(pkgs.length)] + ".C" + r.nextInt(300) + ".m" + r.nextInt(8);
            MutableFrame parent = all.get(p);
            FrameKind kind = kinds[Math.floorMod(label.hashCode(), kinds.length)];
            int before = parent.childCount();
            MutableFrame c = parent.child(label, kind);
            if (parent.childCount() == before) {
                continue;
            }
            c.self = 1 + (long) (Math.pow(r.nextDouble(), 3) * 10_000 / (1 + r.nextInt(50)));
            all.add(c);
            depths.add(depths.get(p) + 1);
        }
        computeTotals(root);
        return root.freeze();
    }

    /**
     * A tree of about {@code nodes} frames made the way profilers make them: stacks sampled by
     * random walks over a fixed call graph (4,000 methods, each calling one to five others, hot
     * methods called more often), about 30 frames deep on average. Unlike {@link #random}, its
     * callers view stays about as large as the tree itself, as with real profiles.
     */
    public static Frame sampled(int nodes, long seed) {
        Random r = new Random(seed);
        int methods = 4000;
        String[] pkgs = {"java.util", "java.lang", "com.shop.checkout", "org.eclipse.jetty.server", "io.netty.channel",
                "sun.nio.ch", "org.springframework.web", "com.fasterxml.jackson.databind"};
        FrameKind[] kinds = {FrameKind.JIT_COMPILED, FrameKind.JIT_COMPILED, FrameKind.JIT_COMPILED, FrameKind.INLINED,
                FrameKind.INTERPRETED, FrameKind.NATIVE};
        String[] label = new String[methods];
        FrameKind[] kind = new FrameKind[methods];
        int[][] callees = new int[methods][];
        for (int m = 0; m < methods; m++) {
            label[m] = pkgs[r.nextInt(pkgs.length)] + ".Class" + (m / 7) + ".method" + (m % 7);
            kind[m] = kinds[r.nextInt(kinds.length)];
            callees[m] = new int[1 + r.nextInt(5)];
            for (int k = 0; k < callees[m].length; k++) {
                // Skewed towards low ids: a few methods are called from everywhere.
                callees[m][k] = (int) (methods * Math.pow(r.nextDouble(), 2.5));
            }
        }
        MutableFrame root = new MutableFrame("all", FrameKind.UNKNOWN);
        int count = 1;
        while (count < nodes) {
            MutableFrame f = root;
            int m = r.nextInt(8);
            long w = 1 + r.nextInt(100);
            root.total += w;
            for (int depth = 0; depth < 200; depth++) {
                int before = f.childCount();
                MutableFrame parent = f;
                f = f.child(label[m], kind[m]);
                if (parent.childCount() > before) {
                    count++;
                }
                f.total += w;
                if (r.nextDouble() < 0.03) {
                    break;
                }
                m = callees[m][r.nextInt(callees[m].length)];
            }
            f.self += w;
        }
        return root.freeze();
    }


    private static long computeTotals(MutableFrame f) {
        long t = f.self;
        for (MutableFrame c : f.children()) {
            t += computeTotals(c);
        }
        f.total = t;
        return t;
    }
}
