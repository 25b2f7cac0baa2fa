package io.devstack.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.http.ApiResponse;
import org.junit.jupiter.api.Test;

class SwaggerUiTest {

    @Test
    void pageLoadsOnlyLocalAssetsAndPointsAtTheDocument() {
        ApiResponse page = SwaggerUi.page();
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.bodyText())
                .contains("url: \"/openapi.json\"", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css")
                .doesNotContain("http://", "https://");
    }

    @Test
    void everyAssetThePageUsesIsServedFromTheWebjar() {
        for (String name : new String[] {
            "swagger-ui.css", "index.css", "swagger-ui-bundle.js", "favicon-16x16.png", "favicon-32x32.png"
        }) {
            assertThat(SwaggerUi.page().bodyText()).contains("/docs/" + name);
            ApiResponse asset = SwaggerUi.asset(name).orElseThrow();
            assertThat(asset.body()).isNotEmpty();
        }
        assertThat(SwaggerUi.asset("swagger-ui-bundle.js").orElseThrow().contentType())
                .startsWith("text/javascript");
        assertThat(SwaggerUi.asset("swagger-ui-bundle.js").orElseThrow().bodyText())
                .contains("SwaggerUIBundle");
    }

    @Test
    void anythingElseIsNotServed() {
        assertThat(SwaggerUi.asset("../../../../etc/passwd")).isEmpty();
        assertThat(SwaggerUi.asset("index.html")).isEmpty();
        assertThat(SwaggerUi.version()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
