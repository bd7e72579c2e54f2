/**
 * The heap engine's door, part two: one class per question over an open
 * {@link dev.inquest.heap.model.HeapDump} (leak suspects, comparison and growth paths, duplicate
 * strings and objects, collections, class loaders, threads, why-alive, the inspector, the object
 * query language {@link dev.inquest.heap.query.OqlQuery}), each
 * answering with records used alike by the window and the command line. Public API, with the
 * records of {@code heap.model}; the rules (what is internal, where a new query goes) are in
 * {@link dev.inquest.heap.model}'s package documentation.
 *
 * <p>The building blocks of the queries ({@code ObjectReader}, {@code Containers}, {@code NodeSet},
 * {@code LongCounter}) are package-private; {@code ClassInstances} is public
 * only for the engine's own tests and cache, and is not API for the faces.
 */
package dev.inquest.heap.query;
