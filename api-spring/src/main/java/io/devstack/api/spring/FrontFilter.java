package io.devstack.api.spring;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.HttpFront;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one filter, first in the chain: hands every request to common's {@link HttpFront} (request id, CORS and
 * preflight, 404/405 from the contract's route table, rate limits, 413 by Content-Length), sets its headers on
 * the response, lets Spring MVC route what remains, and records the metric and access-log line once the
 * response status is final. Filters sit outside Spring MVC's exception handling, so this one writes the
 * envelope itself for anything that escapes the dispatcher.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FrontFilter extends OncePerRequestFilter {

    /** Where {@link ErrorMapping} finds the request's exchange (for its request id). */
    static final String EXCHANGE = HttpFront.Exchange.class.getName();

    private final HttpFront front;

    FrontFilter(HttpFront front) {
        this.front = front;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        HttpServletResponse response = Responses.keepingContentType(request, servletResponse);
        // the raw path and query: common, not Tomcat's lenient parameter parsing, refuses a broken percent-escape
        String query = request.getQueryString();
        HttpFront.Exchange exchange = front.begin(
                request.getMethod(),
                query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query,
                request::getHeader,
                request.getRemoteAddr());
        request.setAttribute(EXCHANGE, exchange);
        try {
            Optional<ApiResponse> early = exchange.shortCircuit();
            if (early.isPresent()) {
                Responses.write(response, early.get());
                return;
            }
            exchange.responseHeaders().forEach(response::setHeader);
            chain.doFilter(request, response);
        } catch (Exception failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            response.reset();
            // the servlet wraps what a handler threw; the envelope is decided by the cause
            Throwable cause = failure instanceof ServletException wrapped && wrapped.getRootCause() != null
                    ? wrapped.getRootCause()
                    : failure;
            Responses.write(response, exchange.error(cause));
        } finally {
            exchange.complete(response.getStatus());
        }
    }
}
