package io.devstack.common.docs;

import io.devstack.common.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /docs}: Swagger UI over {@code /openapi.json}, its assets served from the
 * {@code org.webjars:swagger-ui} jar under {@code /docs/{asset}} so the page works without internet access.
 * Only the assets the page uses are served (a fixed list, so no path from a client reaches the class loader).
 */
public final class SwaggerUi {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png");
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>DevStack Core Reference API - Swagger UI</title>
              <link rel="stylesheet" type="text/css" href="/docs/swagger-ui.css">
              <link rel="stylesheet" type="text/css" href="/docs/index.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
              <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi.json",
                  dom_id: "#swagger-ui",
                  deepLinking: true,
                  presets: [SwaggerUIBundle.presets.apis],
                  layout: "BaseLayout"
                });
              </script>
            </body>
            </html>
            """;
    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private SwaggerUi() {}

    /** The HTML page ({@code text/html}). */
    public static ApiResponse page() {
        return ApiResponse.text(200, "text/html; charset=utf-8", PAGE);
    }

    /** One asset of the page, or empty for any other name (the caller answers 404). */
    public static Optional<ApiResponse> asset(String name) {
        String contentType = ASSETS.get(name);
        if (contentType == null) {
            return Optional.empty();
        }
        byte[] bytes = LOADED.computeIfAbsent(name, SwaggerUi::load);
        return Optional.of(new ApiResponse(200, contentType, bytes, Map.of("Cache-Control", "public, max-age=86400")));
    }

    /** The bundled Swagger UI version, read from the webjar's Maven metadata. */
    public static String version() {
        return Holder.VERSION;
    }

    private static byte[] load(String name) {
        try (InputStream in = resource(WEBJAR + version() + "/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing: org.webjars:swagger-ui must be on the class path");
        }
        return in;
    }

    /** Lazily resolved so a broken class path fails on first use with a clear message, not at class init. */
    private static final class Holder {
        static final String VERSION = readVersion();

        private static String readVersion() {
            try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
