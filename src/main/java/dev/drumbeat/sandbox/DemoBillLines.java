package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** The lines of the demo's cloud bills, read from {@code demo/bill-lines.csv}, by centre in the file's order. */
final class DemoBillLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One line of a bill: where it is charged (cloud, sub-account, provider service, resource), its tags as a JSON
     * object, how it is charged ({@code Usage} day by day, {@code Tax} or {@code Credit} once a month), its weight
     * within its centre, and the savings plan that covers it, if one does.
     */
    record Line(
            String centre,
            DemoCloud cloud,
            String subAccountId,
            String subAccountName,
            String serviceName,
            String serviceCategory,
            Optional<String> code,
            String usage,
            Optional<String> resourceId,
            Optional<String> tags,
            String charge,
            BigDecimal weight,
            Optional<String> commitment) {

        boolean daily() {
            return charge.equals("Usage");
        }

        /** The resource's own name: the last part of its id. */
        Optional<String> resourceName() {
            return resourceId.map(id -> id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf(':')) + 1));
        }
    }

    private DemoBillLines() {}

    static Map<String, List<Line>> byCentre() {
        Map<String, List<Line>> centres = new LinkedHashMap<>();
        for (CSVRecord row : DemoPortfolioCatalog.read("demo/bill-lines.csv")) {
            Line line = new Line(
                    row.get("centre"),
                    DemoCloud.named(row.get("provider")),
                    row.get("sub_account_id"),
                    row.get("sub_account_name"),
                    row.get("service_name"),
                    row.get("service_category"),
                    optional(row.get("code")),
                    row.get("usage"),
                    optional(row.get("resource_id")),
                    optional(row.get("tags")).map(DemoBillLines::json),
                    row.get("charge"),
                    new BigDecimal(row.get("weight")),
                    optional(row.get("commitment")));
            centres.computeIfAbsent(line.centre(), centre -> new ArrayList<>()).add(line);
        }
        return centres;
    }

    /** {@code service=crm;costcenter} as the providers write tags: {"service":"crm","costcenter":true}. */
    static String json(String tags) {
        ObjectNode object = JSON.createObjectNode();
        for (String tag : tags.split(";")) {
            String[] keyAndValue = tag.split("=", 2);
            if (keyAndValue.length == 2) {
                object.put(keyAndValue[0], keyAndValue[1]);
            } else {
                object.put(keyAndValue[0], true);
            }
        }
        return object.toString();
    }

    private static Optional<String> optional(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
