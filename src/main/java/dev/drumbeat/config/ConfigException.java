package dev.drumbeat.config;

/** A setting is missing or malformed; the message is one line that names the variable. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
