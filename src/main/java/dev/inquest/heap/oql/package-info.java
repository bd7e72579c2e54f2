/**
 * Engine-internal: the object query language's text side (lexer, syntax tree, recursive-descent
 * parser). It knows nothing of dumps; {@code heap.query.OqlQuery} is the door that parses with it
 * and runs the tree on an open dump.
 *
 * <p>Hand-written rather than generated: the grammar is small, a generator would add a build
 * plugin and generated sources, and a hand-written parser says exactly where it stopped and what
 * it expected there. Nesting (parentheses, NOT, sub-selects) is capped at {@link Parser#MAX_DEPTH}
 * so that no query text can exhaust the stack.
 */
package dev.inquest.heap.oql;
