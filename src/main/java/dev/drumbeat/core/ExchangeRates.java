package dev.drumbeat.core;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The exchange rates a workspace's admins set, by currency code; a currency without one is never converted. */
public record ExchangeRates(List<ExchangeRate> rates) {

    public ExchangeRates {
        rates = rates.stream()
                .sorted(Comparator.comparing(r -> r.from().getCurrencyCode()))
                .toList();
    }

    /** The rate for {@code currency}, if an admin set one. */
    public Optional<ExchangeRate> from(Currency currency) {
        return rates.stream().filter(r -> r.from().equals(currency)).findFirst();
    }

    public boolean isEmpty() {
        return rates.isEmpty();
    }
}
