/**
 * How a feature plugs into Drumbeat: the {@link dev.drumbeat.feature.Feature} interface, the {@link
 * dev.drumbeat.feature.Shared} context every feature builds from, and the {@link dev.drumbeat.feature.Contributions}
 * it declares into. Infrastructure: imports only the kernel and other infrastructure; features implement it and the
 * composition root ({@code Drumbeat}) lists them.
 */
package dev.drumbeat.feature;
