package io.devstack.parity;

/** One way an API's answer to a scenario differs from the others' (or from the contract). */
record Difference(String scenario, String endpoint, String api, String field, String expected, String actual) {

    @Override
    public String toString() {
        return scenario + " | " + api + " | " + field + " | expected " + expected + " | actual " + actual;
    }
}
