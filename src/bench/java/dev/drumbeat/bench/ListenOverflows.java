package dev.drumbeat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How often, so far, a listening socket on this machine had its accept queue full when a connection arrived (Linux's
 * {@code TcpExt: ListenOverflows} in {@code /proc/net/netstat}). The kernel then drops the connection's first packet,
 * and the client sends it again a second later; where {@code tcp_abort_on_overflow} is set, or on other systems, the
 * client's connection is reset instead. Machine-wide, so a burst's difference counts the server under test unless
 * another process overflowed meanwhile. Zero off Linux.
 */
final class ListenOverflows {
    private ListenOverflows() {}

    static long now() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                String[] names = lines.get(i).split("\\s+");
                String[] values = lines.get(i + 1).split("\\s+");
                for (int j = 1; j < names.length && j < values.length; j++) {
                    if (names[0].equals("TcpExt:") && names[j].equals("ListenOverflows")) {
                        return Long.parseLong(values[j]);
                    }
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
