package dev.drumbeat.bench;

/** What someone types after {@code /drumbeat status}, and the service name the card must carry. */
record TypedService(String typed, String name) {}
