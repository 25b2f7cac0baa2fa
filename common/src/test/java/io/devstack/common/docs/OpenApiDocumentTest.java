package io.devstack.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.http.ContractRoutes;
import io.devstack.common.json.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void isOpenApi31Json() throws Exception {
        JsonNode doc = Json.tree(OpenApiDocument.bytes());
        assertThat(doc.path("openapi").asText()).startsWith("3.1.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("DevStack Core Reference API");
    }

    @Test
    void swaggerParserFindsNoProblem() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readContents(new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getSpecVersion().name()).isEqualTo("V31");
    }

    @Test
    void theParserReallyReportsABrokenDocument() {
        String broken = new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8)
                .replace("#/components/schemas/CacheEntry", "#/components/schemas/NoSuchSchema");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        assertThat(new OpenAPIV3Parser().readContents(broken, null, options).getMessages())
                .isNotEmpty();
    }

    @Test
    void coversEveryContractRouteAndNothingElse() throws Exception {
        Set<String> documented = new HashSet<>();
        JsonNode paths = Json.tree(OpenApiDocument.bytes()).path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.path(path).fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            });
        }
        Set<String> contract = ContractRoutes.ALL.stream()
                .map(r -> r.method() + " " + r.template())
                .collect(Collectors.toSet());

        assertThat(documented).isEqualTo(contract);
    }

    @Test
    void everyOperationDocumentsA200OrRedirectAnd500AndTheRequestIdHeader() throws Exception {
        JsonNode paths = Json.tree(OpenApiDocument.bytes()).path("paths");
        paths.forEach(item -> item.properties().forEach(op -> {
            JsonNode responses = op.getValue().path("responses");
            assertThat(responses.has("200") || responses.has("307"))
                    .as(op.getKey())
                    .isTrue();
            assertThat(responses.has("500")).isTrue();
            assertThat(op.getValue().path("parameters").toString()).contains("#/components/parameters/RequestId");
        }));
    }

    @Test
    void examplesNeverShowAnUnmaskedSecret() {
        String text = new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"password\": \"***\"").doesNotContainPattern("\"password\": \"[^*]");
    }

    @Test
    void responseServesTheSameBytes() {
        assertThat(OpenApiDocument.response().body()).isEqualTo(OpenApiDocument.bytes());
        assertThat(OpenApiDocument.response().contentType()).isEqualTo("application/json");
    }
}
