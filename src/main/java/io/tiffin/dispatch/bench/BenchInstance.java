package io.tiffin.dispatch.bench;

import io.tiffin.dispatch.PlanningProblem;

/** A benchmark instance read from a file, as a planning problem with the benchmark's distance rule. */
record BenchInstance(String name, PlanningProblem problem) {}
