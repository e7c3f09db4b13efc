/**
 * The weekly leadership digest, posted as one message with its detail in the thread. Other features add sections
 * ({@code DigestSection}) and charts ({@code DigestChart}). Entry: {@code DigestFeature}.
 */
package dev.drumbeat.digest;
