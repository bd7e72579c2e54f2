package dev.inquest.demo;

import java.nio.file.Path;

/**
 * What the demo wrote.
 *
 * @param leakingClass  the class the service leaks (named as the heap dump names it)
 * @param leakedBefore  instances the service held at the baseline dump, as it counted them
 * @param leakedAfter   instances it held at the second dump
 * @param grewMost      the class whose instance count of the service (not an array or JDK class) whose instance count grew most
 *                      between the dumps, read from the dumps
 * @param grewBy        by how many instances
 */
public record DemoResult(Path baseline, Path after, Path recording, Path caseFile, String leakingClass,
                         int leakedBefore, int leakedAfter, String grewMost, long grewBy, long millis) {
}
