/**
 * The heap engine's door, part one: {@link dev.inquest.heap.model.HeapDump} (open, summary,
 * histogram, dominator tree, paths, fields, strings, references, roots, threads) and the records it
 * answers with. Together with {@code heap.query} this is the heap engine's public API; the window,
 * the command line, {@code link} and {@code investigation} use nothing else of {@code heap}.
 *
 * <p>Internal to the engine: {@code heap.hprof} (file access, record readers and
 * {@code RecordLayout}), {@code heap.index} (index, index file, derived store), {@code heap.graph}
 * (dominators, inbound edges, shortest paths) and {@code heap.store} (off-heap columns). Classes
 * outside {@code dev.inquest.heap} must not depend on them, not even through a {@code var}.
 * {@code HeapDump} hands none of them out: the engine's own queries reach an open dump's index,
 * dominator tree, inbound references and stored structures through
 * {@code heap.index.DumpInternals.of(dump)}, a registry only code inside the engine can import.
 * {@link dev.inquest.heap.GcRootKind} sits in the engine's root package, below both the door
 * and the index.
 *
 * <p>Layering inside the engine (no cycles): {@code store} &lt;- {@code hprof}, {@code graph}
 * &lt;- {@code index} &lt;- {@code model} &lt;- {@code query}. So {@code model} never imports
 * {@code query}: what both need (the grouping of classes, the dominator walk's answers) lives
 * in {@code model}.
 *
 * <p><b>Where a new query goes.</b> A new question over an open dump is a class in
 * {@code heap.query} taking a {@code HeapDump} (and a {@code Progress}, checked every few thousand
 * steps) and answering with records declared in {@code heap.query}; structures it shares with
 * other queries are cached through {@code HeapDump.derived}. It reaches the internal packages
 * through {@code DumpInternals} where it must, never through the faces. The window calls it through the task runner,
 * the command line through a {@code HeapVerb} subclass that prints the same records (text, and
 * {@code --json} with the field names listed in docs/cli-extensions.md). {@code HeapDump} itself
 * only grows for primitive per-object facts (class, size, references) every query needs.
 */
package dev.inquest.heap.model;
