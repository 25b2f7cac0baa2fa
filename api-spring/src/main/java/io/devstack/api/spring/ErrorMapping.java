package io.devstack.api.spring;

import io.devstack.common.http.ApiException;
import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.BadRequestException;
import io.devstack.common.http.ContractErrors;
import io.devstack.common.http.ErrorResponses;
import io.devstack.common.http.HttpFront;
import io.devstack.common.http.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Every failure inside Spring MVC becomes common's error envelope: common's {@link ApiException}s as they are,
 * Spring's own exceptions (no handler, wrong method, media type, unreadable body…) by their HTTP status, anything
 * else as the contract's 500. X-Request-ID and CORS headers are already on the response ({@link FrontFilter}), so
 * only the envelope and the error's own headers (Allow, Retry-After) are added here.
 */
@RestControllerAdvice
class ErrorMapping {

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> handle(Exception failure, HttpServletRequest request) {
        Throwable error = failure instanceof ErrorResponse spring
                ? ContractErrors.forStatus(
                        spring.getStatusCode().value(), request.getRequestURI(), contentType(request), failure)
                : failure instanceof InvalidParameterException ? BadRequestException.malformedRequest() : failure;
        HttpFront.Exchange exchange = exchange(request);
        String requestId =
                exchange != null ? exchange.requestId() : RequestIds.resolve(request.getHeader(RequestIds.HEADER));
        return Responses.write(ErrorResponses.from(error, requestId));
    }

    /** The client hung up while its answer was being written: there is nobody left to answer. */
    @ExceptionHandler({AsyncRequestNotUsableException.class, ClientAbortException.class})
    void clientGone() {
        // nothing to write; FrontFilter still logs the request
    }

    private static String contentType(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.CONTENT_TYPE);
    }

    /** Only when the container reports an error for a request that never reached {@link FrontFilter}. */
    private static ApiResponse withoutExchange(Throwable error, HttpServletRequest request) {
        String requestId = RequestIds.resolve(request.getHeader(RequestIds.HEADER));
        return ErrorResponses.from(error, requestId).withHeader(RequestIds.HEADER, requestId);
    }

    private static HttpFront.Exchange exchange(HttpServletRequest request) {
        return (HttpFront.Exchange) request.getAttribute(FrontFilter.EXCHANGE);
    }

    /**
     * Tomcat refuses some requests before any filter runs (a malformed request line, an illegal character or
     * escape in the path) and reports them through its host's error report valve: that valve is ours.
     */
    @Bean
    static TomcatContextCustomizer containerErrorsAsEnvelope() {
        return context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ContainerErrorReport.class.getName());
    }

    /** Tomcat's error report written as the envelope (Tomcat instantiates it by class name). */
    public static class ContainerErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable thrown) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String path = Objects.toString(request.getRequestURI(), "");
            ApiResponse envelope =
                    withoutExchange(ContractErrors.forStatus(status, path, contentType(request)), request);
            try {
                response.reset();
                Responses.write(response, envelope);
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or already committed: nothing more can be said to this client
            }
        }
    }

    /**
     * The servlet container's error page ({@code /error}), reached when something below Spring MVC sets an error
     * status. Replaces Spring Boot's BasicErrorController, so these answers are the envelope too.
     */
    @RestController
    static class ErrorPage implements ErrorController {

        @RequestMapping("${spring.web.error.path:/error}")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
            String path = Objects.toString(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), "");
            Throwable thrown =
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
            // a client error Tomcat decided is the contract's for that status, whatever it caught: a body that stalled
            // past HttpTimeouts.IDLE_TIMEOUT is a 408 with a SocketTimeoutException, answered 400 Malformed request
            Throwable error = thrown == null || status < 500
                    ? ContractErrors.forStatus(status, path, contentType(request))
                    : thrown;
            // written with setHeader: the headers FrontFilter set before the error are replaced, not repeated
            HttpFront.Exchange exchange = exchange(request);
            Responses.write(response, exchange != null ? exchange.error(error) : withoutExchange(error, request));
        }
    }
}
