package dev.drumbeat.bench;

import java.net.http.HttpRequest;
import java.util.function.Predicate;

/** One request of a load run and how to tell its answer is right: the status is 200 and the body passes. */
record Shot(HttpRequest request, Predicate<String> acceptsBody) {}
