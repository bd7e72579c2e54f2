import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.management.ManagementFactory;
import java.lang.reflect.AccessFlag;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One leak pattern per heap dump, all written by one JVM to save JVM starts. Each scenario builds
 * its known state, dumps (live objects only), then drops its state so the next dump holds only its
 * own pattern. Args: DIR [scenario...]; default all. The test asserts the counts named below.
 *
 * <ul>
 *   <li>queue.hprof: {@code Dispatcher.pending} holds {@value #EVENTS} OutboundEvent (512-byte payload each)</li>
 *   <li>cache.hprof: {@code Reports.cache}, an access-ordered ReportCache that never evicts, {@value #REPORTS} Report</li>
 *   <li>listeners.hprof: {@code EventBus.LISTENERS} keeps {@value #WIDGETS} disposed Widget</li>
 *   <li>wrappers.hprof: {@code Dashboard.views} holds {@value #VIEWS} SessionView for {@value #USERS} distinct userId</li>
 *   <li>loaders.hprof: {@code Host.PLUGINS} keeps {@value #PLUGINS} plugin.Plugin, each from its own class loader</li>
 *   <li>churn.hprof: millions of short-lived objects, a 64-entry working set: no suspect</li>
 *   <li>duplicates.hprof: {@code Registry} holds {@value #DUP_VIEWS} SessionView for {@value #DUP_USERS} distinct
 *       userId, {@value #ORDERS} Order for {@value #CUSTOMERS} distinct (boxed) customerId, {@value #PRICES} Price
 *       for the 3 Currency constants; and, not duplicates: {@value #ACCOUNTS} Account with distinct UUID accountId,
 *       {@value #EMPLOYEES} Employee with distinct id but only {@value #NAMES} names, {@value #TINY} Tiny (too few)</li>
 *   <li>grow-1.hprof, grow-2.hprof: {@code Store.items} grows from {@value #ITEMS_BEFORE} to
 *       {@value #ITEMS_AFTER} Item; {@code Store.stable} keeps {@value #THINGS} Thing in both</li>
 *   <li>split.hprof (issue 19): the statics of {@code Seeds} hold a {@code ResponseLog} whose {@code served} list
 *       keeps {@value #SERVED} AssetResponseWrapper and an {@code AssetManager} whose {@code assets} map keeps
 *       {@value #MANAGED} more; every wrapper has its own AssetDto, the {@value #SERVED} served ones copies of
 *       {@value #MANAGED} distinct assetId. No child of {@code Seeds} keeps 70 % of it: the walk splits.</li>
 * </ul>
 */
public class LeakPatterns {
    static final int EVENTS = 20_000;
    static final int REPORTS = 10_000;
    static final int WIDGETS = 5_000;
    static final int VIEWS = 30_000;
    static final int USERS = 300;
    static final int PLUGINS = 40;
    static final int ITEMS_BEFORE = 5_000;
    static final int ITEMS_AFTER = 8_000;
    static final int THINGS = 1_000;
    static final int DUP_VIEWS = 20_000;
    static final int DUP_USERS = 400;
    static final int ORDERS = 3_000;
    static final int CUSTOMERS = 30;
    static final int PRICES = 1_200;
    static final int ACCOUNTS = 5_000;
    static final int EMPLOYEES = 2_000;
    static final int NAMES = 10;
    static final int TINY = 99;
    static final int SERVED = 100_000;
    static final int MANAGED = 35_000;

    // ---- queue ----
    static final class OutboundEvent {
        final long sequence;
        final byte[] payload = new byte[512];

        OutboundEvent(long sequence) {
            this.sequence = sequence;
        }
    }

    static final class Dispatcher {
        static ConcurrentLinkedDeque<OutboundEvent> pending = new ConcurrentLinkedDeque<>();
    }

    // ---- cache ----
    static final class Report {
        final String name;
        final byte[] body = new byte[1000];

        Report(String name) {
            this.name = name;
        }
    }

    /** Looks like an LRU cache (access order) but never overrides removeEldestEntry. */
    static final class ReportCache extends LinkedHashMap<String, Report> {
        ReportCache() {
            super(16, 0.75f, true);
        }
    }

    static final class Reports {
        static ReportCache cache = new ReportCache();
    }

    // ---- listeners ----
    interface Listener {
        void onEvent(Object e);
    }

    static final class Widget implements Listener {
        final byte[] state = new byte[2000];
        boolean disposed;

        @Override
        public void onEvent(Object e) {
        }

        void dispose() {
            disposed = true; // forgets EventBus.unregister(this): the classic listener leak
        }
    }

    static final class EventBus {
        static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();
    }

    // ---- wrappers ----
    static final class SessionView {
        final String userId;
        final byte[] prefs = new byte[256];

        SessionView(String userId) {
            this.userId = userId;
        }
    }

    /** The deduplicating manager the code should have used. */
    static final class SessionManager {
        static final Map<String, SessionView> BY_USER = new HashMap<>();

        static SessionView view(String userId) {
            return BY_USER.computeIfAbsent(userId, SessionView::new);
        }
    }

    static final class Dashboard {
        static List<SessionView> views = new ArrayList<>();
    }

    // ---- loaders ----
    static final class PluginLoader extends ClassLoader {
        PluginLoader() {
            super(LeakPatterns.class.getClassLoader());
        }

        Class<?> define(byte[] bytes) {
            return defineClass("plugin.Plugin", bytes, 0, bytes.length);
        }
    }

    static final class Host {
        static List<Object> PLUGINS = new ArrayList<>();
    }

    // ---- grow ----
    static final class Item {
        final int n;
        final byte[] data = new byte[100];

        Item(int n) {
            this.n = n;
        }
    }

    static final class Thing {
        final long[] data = new long[4];
    }

    static final class Store {
        static List<Item> items = new ArrayList<>();
        static List<Thing> stable = new ArrayList<>();
    }

    // ---- duplicates (besides SessionView above) ----
    static final class Order {
        final Long customerId; // boxed: equal customers are equal Longs, not one Long
        final long total;

        Order(Long customerId, long total) {
            this.customerId = customerId;
            this.total = total;
        }
    }

    enum Currency { EUR, USD, GBP }

    static final class Price {
        final Currency currencyKey;
        final double amount;

        Price(Currency currencyKey, double amount) {
            this.currencyKey = currencyKey;
            this.amount = amount;
        }
    }

    static final class Account {
        final java.util.UUID accountId = java.util.UUID.randomUUID();
    }

    static final class Employee {
        final long id;
        final String name; // repeats, but id tells every employee apart

        Employee(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class Tiny {
        final String key;

        Tiny(String key) {
            this.key = key;
        }
    }

    static final class Registry {
        static List<Object> all = new ArrayList<>();
    }

    // ---- split (issue 19) ----
    static final class AssetDto {
        final String assetId;
        final long size;

        AssetDto(String assetId, long size) {
            this.assetId = assetId;
            this.size = size;
        }
    }

    static final class AssetResponseWrapper {
        final AssetDto dto;
        final long servedAt;

        AssetResponseWrapper(AssetDto dto, long servedAt) {
            this.dto = dto;
            this.servedAt = servedAt;
        }
    }

    static final class ResponseLog {
        final List<AssetResponseWrapper> served = new ArrayList<>();
    }

    static final class AssetManager {
        final Map<String, AssetResponseWrapper> assets = new HashMap<>();
    }

    static final class Seeds {
        static ResponseLog log = new ResponseLog();
        static AssetManager manager = new AssetManager();
    }

    /** A fresh String per call: equal ids by content, never by identity. */
    static String assetId(int i) {
        return new StringBuilder("asset-").append(i).toString();
    }

    // ---- churn ----
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> which = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("queue", "cache", "listeners", "wrappers", "loaders", "churn", "duplicates", "grow", "split");
        for (String s : which) {
            switch (s) {
                case "queue" -> {
                    for (int i = 0; i < EVENTS; i++) {
                        Dispatcher.pending.add(new OutboundEvent(i));
                    }
                    dump(dir.resolve("queue.hprof"));
                    Dispatcher.pending.clear();
                }
                case "cache" -> {
                    for (int i = 0; i < REPORTS; i++) {
                        Reports.cache.put("report-" + i, new Report("report-" + i));
                    }
                    dump(dir.resolve("cache.hprof"));
                    Reports.cache.clear();
                }
                case "listeners" -> {
                    for (int i = 0; i < WIDGETS; i++) {
                        Widget w = new Widget();
                        EventBus.LISTENERS.add(w);
                        w.dispose();
                    }
                    dump(dir.resolve("listeners.hprof"));
                    EventBus.LISTENERS.clear();
                }
                case "wrappers" -> {
                    for (int i = 0; i < USERS; i++) {
                        SessionManager.view("user-" + i);
                    }
                    for (int i = 0; i < VIEWS; i++) {
                        // A fresh String each time: equal by content, not by identity.
                        Dashboard.views.add(new SessionView(new StringBuilder("user-").append(i % USERS).toString()));
                    }
                    dump(dir.resolve("wrappers.hprof"));
                    Dashboard.views = new ArrayList<>();
                    SessionManager.BY_USER.clear();
                }
                case "loaders" -> {
                    byte[] bytes = pluginClass();
                    for (int i = 0; i < PLUGINS; i++) {
                        Class<?> c = new PluginLoader().define(bytes);
                        c.getField("BUFFER").set(null, new byte[200_000]);
                        Host.PLUGINS.add(c.getConstructor().newInstance());
                    }
                    dump(dir.resolve("loaders.hprof"));
                    Host.PLUGINS = new ArrayList<>();
                }
                case "churn" -> {
                    ArrayDeque<Object> recent = new ArrayDeque<>();
                    for (int i = 0; i < 2_000_000; i++) {
                        Object o = (i & 1) == 0 ? new byte[64 + (i & 255)] : ("tmp-" + i);
                        recent.add(o);
                        if (recent.size() > 64) {
                            sink = recent.poll();
                        }
                    }
                    dump(dir.resolve("churn.hprof"));
                    sink = recent.size();
                }
                case "duplicates" -> {
                    for (int i = 0; i < DUP_VIEWS; i++) {
                        Registry.all.add(new SessionView(new StringBuilder("user-").append(i % DUP_USERS).toString()));
                    }
                    for (int i = 0; i < ORDERS; i++) {
                        // Past the Long cache (-128..127): each Order gets its own Long object.
                        Registry.all.add(new Order(Long.valueOf(1_000 + i % CUSTOMERS), i));
                    }
                    for (int i = 0; i < PRICES; i++) {
                        Registry.all.add(new Price(Currency.values()[i % 3], i));
                    }
                    for (int i = 0; i < ACCOUNTS; i++) {
                        Registry.all.add(new Account());
                    }
                    for (int i = 0; i < EMPLOYEES; i++) {
                        Registry.all.add(new Employee(i, "name-" + i % NAMES));
                    }
                    for (int i = 0; i < TINY; i++) {
                        Registry.all.add(new Tiny(i % 2 == 0 ? "even" : "odd"));
                    }
                    dump(dir.resolve("duplicates.hprof"));
                    Registry.all = new ArrayList<>();
                }
                case "grow" -> {
                    for (int i = 0; i < THINGS; i++) {
                        Store.stable.add(new Thing());
                    }
                    for (int i = 0; i < ITEMS_BEFORE; i++) {
                        Store.items.add(new Item(i));
                    }
                    dump(dir.resolve("grow-1.hprof"));
                    for (int i = ITEMS_BEFORE; i < ITEMS_AFTER; i++) {
                        Store.items.add(new Item(i));
                    }
                    dump(dir.resolve("grow-2.hprof"));
                }
                case "split" -> {
                    for (int i = 0; i < MANAGED; i++) {
                        Seeds.manager.assets.put(assetId(i), new AssetResponseWrapper(new AssetDto(assetId(i), i), i));
                    }
                    for (int i = 0; i < SERVED; i++) {
                        Seeds.log.served.add(new AssetResponseWrapper(new AssetDto(assetId(i % MANAGED), i), i));
                    }
                    dump(dir.resolve("split.hprof"));
                    Seeds.log = new ResponseLog();
                    Seeds.manager = new AssetManager();
                }
                default -> throw new IllegalArgumentException("unknown scenario " + s);
            }
        }
        System.out.println("dumped " + which);
    }

    /** {@code public class plugin.Plugin { public static byte[] BUFFER; public Plugin() {} }}. */
    static byte[] pluginClass() {
        ClassDesc self = ClassDesc.of("plugin.Plugin");
        return ClassFile.of().build(self, cb -> cb.withFlags(AccessFlag.PUBLIC)
                .withField("BUFFER", ConstantDescs.CD_byte.arrayType(), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC)
                .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                        code -> code.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME,
                                ConstantDescs.MTD_void).return_()));
    }

    static void dump(Path file) throws Exception {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
    }
}
