package io.devstack.api.javalin;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.BadRequestException;
import io.devstack.common.http.ContractErrors;
import io.devstack.common.http.HttpFront;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every failure becomes common's envelope. Contract errors ({@code ApiException}) and bugs go through
 * {@code exchange.error}; Javalin's own {@link HttpResponseException}s (no matching endpoint, a body over
 * {@code maxRequestSize} read in chunks, ...) are first translated to the contract error they stand for; and
 * requests Jetty rejects before they reach Javalin (a malformed URI or header) get the envelope from
 * {@link JettyErrors}, Jetty's server-wide error handler.
 */
final class ErrorMapping {

    private ErrorMapping() {}

    static void install(JavalinConfig config, HttpFront front) {
        // replaces Javalin's built-in mapper, which would answer in its own JSON/plain-text shape
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, translate(e, ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> write(ctx, e));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(front)));
    }

    private static void write(Context ctx, Throwable failure) {
        Responses.write(ctx, FrontFilter.exchange(ctx).error(failure));
    }

    /** Javalin's own exceptions carry only a status: common names the contract error it stands for. */
    private static Throwable translate(HttpResponseException e, Context ctx) {
        return ContractErrors.forStatus(e.getStatus(), ctx.path(), ctx.contentType(), e);
    }

    /** A request Jetty refused to parse never reaches Javalin's filter: it gets its own exchange here. */
    private record JettyErrors(HttpFront front) implements Request.Handler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code
                    ? code
                    : response.getStatus();
            HttpFront.Exchange exchange = front.begin(
                    request.getMethod(),
                    Request.getPathInContext(request),
                    request.getHeaders()::get,
                    Request.getRemoteAddr(request));
            // the contract has no envelope for 414/431: every client-side refusal is a 400 BadRequest
            Exception failure = status < 500
                    ? BadRequestException.malformedRequest()
                    : new IllegalStateException("Jetty answered " + status + " before routing");
            ApiResponse envelope = exchange.error(failure);
            response.setStatus(envelope.status());
            envelope.headers().forEach(response.getHeaders()::put);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, envelope.contentType());
            response.write(true, ByteBuffer.wrap(envelope.body()), callback);
            exchange.complete(envelope.status());
            return true;
        }
    }
}
