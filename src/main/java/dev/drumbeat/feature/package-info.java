/**
 * How a feature plugs into Drumbeat: the {@link dev.drumbeat.feature.Feature} interface, the {@link
 * dev.drumbeat.feature.Shared} context every feature builds from, the {@link dev.drumbeat.feature.Contributions}
 * it declares into, and `/drumbeat settings`, which shows the {@link dev.drumbeat.feature.SettingsSection}s features
 * declare. Infrastructure: imports only the kernel and other infrastructure; features implement it and the
 * composition root ({@code Drumbeat}) lists them.
 */
package dev.drumbeat.feature;
