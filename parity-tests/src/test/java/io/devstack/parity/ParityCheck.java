package io.devstack.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges the five answers to one scenario: each against the contract (status, fixed values, headers, the OpenAPI
 * schema, the backend side effect) and each against the answer most of the five gave (status, compared headers,
 * JSON structure with key order, types and values).
 */
final class ParityCheck {

    private ParityCheck() {}

    static List<Difference> judge(Scenario scenario, String path, List<Observation> answers, OpenApiValidator openApi) {
        List<Difference> found = new ArrayList<>();
        for (Observation answer : answers) {
            found.addAll(answer.problems);
            found.addAll(againstContract(scenario, path, answer, openApi));
        }
        Observation baseline = majority(answers);
        for (Observation answer : answers) {
            if (!answer.fingerprint().equals(baseline.fingerprint())) {
                found.addAll(against(scenario, baseline, answer));
            }
        }
        return found;
    }

    private static List<Difference> againstContract(
            Scenario scenario, String path, Observation answer, OpenApiValidator openApi) {
        List<Difference> found = new ArrayList<>();
        if (scenario.expectedStatus != 0 && answer.status != scenario.expectedStatus) {
            found.add(difference(
                    scenario,
                    answer,
                    "status (contract)",
                    Integer.toString(scenario.expectedStatus),
                    Integer.toString(answer.status)));
        }
        for (Map.Entry<String, Object> expected : scenario.expectedJson.entrySet()) {
            String actual = answer.rawJson == null
                            || answer.rawJson.at(expected.getKey()).isMissingNode()
                    ? Observation.ABSENT
                    : answer.rawJson.at(expected.getKey()).toString();
            String wanted = Observation.nodes().pojoNode(expected.getValue()).toString();
            String wantedJson = expected.getValue() instanceof String text
                    ? Observation.nodes().textNode(text).toString()
                    : String.valueOf(expected.getValue());
            if (!actual.equals(wantedJson) && !actual.equals(wanted)) {
                found.add(difference(scenario, answer, expected.getKey() + " (contract)", wantedJson, actual));
            }
        }
        for (Map.Entry<String, String> expected : scenario.expectedHeaders.entrySet()) {
            String actual = answer.response.header(expected.getKey());
            if (!expected.getValue().equals(actual)) {
                found.add(difference(
                        scenario,
                        answer,
                        "header " + expected.getKey() + " (contract)",
                        expected.getValue(),
                        actual == null ? Observation.ABSENT : actual));
            }
        }
        for (String absent : scenario.absentHeaders) {
            if (answer.response.header(absent) != null) {
                found.add(difference(
                        scenario,
                        answer,
                        "header " + absent + " (contract)",
                        Observation.ABSENT,
                        answer.response.header(absent)));
            }
        }
        if (scenario.bodyKind == Scenario.BodyKind.JSON && answer.json != null && path != null) {
            for (String violation :
                    openApi.validate(scenario.method, path, answer.status, answer.response.bodyText())) {
                found.add(difference(scenario, answer, "body (openapi.json)", "conforms", violation));
            }
        }
        return found;
    }

    private static List<Difference> against(Scenario scenario, Observation baseline, Observation answer) {
        List<Difference> found = new ArrayList<>();
        String reference = "as " + baseline.api + ": ";
        if (baseline.status != answer.status) {
            found.add(difference(
                    scenario, answer, "status", reference + baseline.status, Integer.toString(answer.status)));
        }
        for (Map.Entry<String, String> header : baseline.headers.entrySet()) {
            String actual = answer.headers.get(header.getKey());
            if (!header.getValue().equals(actual)) {
                found.add(difference(
                        scenario, answer, "header " + header.getKey(), reference + header.getValue(), actual));
            }
        }
        if (baseline.json != null && answer.json != null) {
            for (JsonDiff.Entry entry : JsonDiff.diff(baseline.json, answer.json)) {
                found.add(difference(
                        scenario, answer, "body " + entry.pointer(), reference + entry.expected(), entry.actual()));
            }
        } else if (!baseline.body.equals(answer.body)) {
            found.add(difference(
                    scenario,
                    answer,
                    "body",
                    reference + Observation.abbreviate(baseline.body),
                    Observation.abbreviate(answer.body)));
        }
        return found;
    }

    /** The answer most APIs gave (ties go to the earlier module in contract order). */
    private static Observation majority(List<Observation> answers) {
        Map<String, List<Observation>> groups = new LinkedHashMap<>();
        answers.forEach(answer -> groups.computeIfAbsent(answer.fingerprint(), key -> new ArrayList<>())
                .add(answer));
        return groups.values().stream()
                .reduce((a, b) -> b.size() > a.size() ? b : a)
                .orElseThrow()
                .getFirst();
    }

    private static Difference difference(
            Scenario scenario, Observation answer, String field, String expected, String actual) {
        return new Difference(scenario.id, scenario.endpoint, answer.api, field, expected, actual);
    }
}
