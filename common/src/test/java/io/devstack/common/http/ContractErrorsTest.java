package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a status decided by a framework stands for in the contract, the same in all five ErrorMappings. */
class ContractErrorsTest {

    private static final IllegalStateException BUG = new IllegalStateException("framework failure");

    @Test
    void noRouteAndWrongMethodAreDecidedByTheContractsRouteTable() {
        assertThat(ContractErrors.forStatus(404, "/nowhere", null)).isInstanceOf(NotFoundException.class);
        assertThat(ContractErrors.forStatus(405, "/nowhere", null)).isInstanceOf(NotFoundException.class);
        assertThat(ContractErrors.forStatus(405, "/examples/cache/k", null))
                .isInstanceOfSatisfying(
                        MethodNotAllowedException.class,
                        e -> assertThat(e.headers()).containsEntry("Allow", "DELETE, GET, POST"));
        assertThat(ContractErrors.forStatus(404, null, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void bodyErrorsAreTheContractsOwn() {
        assertThat(ContractErrors.forStatus(413, "/examples/cache/k", null))
                .hasMessage(RequestBodies.tooLarge().getMessage());
        assertThat(ErrorResponses.from(ContractErrors.forStatus(415, "/x", "text/plain"), "r")
                        .bodyText())
                .contains("\"error\":\"UnsupportedMediaType\"")
                .contains("text/plain");
        assertThat(ContractErrors.forStatus(415, "/x", null)).isInstanceOf(UnsupportedMediaTypeException.class);
    }

    @Test
    void anyOtherClientErrorIsAMalformedRequest() {
        for (int status : new int[] {400, 414, 431}) {
            assertThat(ContractErrors.forStatus(status, "/", null, BUG))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(BadRequestException.MALFORMED_REQUEST);
        }
    }

    @Test
    void aServerErrorIsTheFrameworksOwnFailureRenderedAsThe500() {
        assertThat(ContractErrors.forStatus(500, "/", null, BUG)).isSameAs(BUG);
        assertThat(ErrorResponses.from(ContractErrors.forStatus(503, "/", null), "r")
                        .status())
                .isEqualTo(500);
    }
}
