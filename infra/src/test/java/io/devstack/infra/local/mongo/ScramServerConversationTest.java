package io.devstack.infra.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server side of SCRAM-SHA-256 against the exchange printed in RFC 7677 section 3. */
class ScramServerConversationTest {

    private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String NONCE = CLIENT_NONCE + SERVER_NONCE;
    private static final String CLIENT_FINAL_WITHOUT_PROOF = "c=biws,r=" + NONCE;
    private static final String RFC_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";

    private final MongoUser rfcUser = MongoUsers.derive("test", "user", "pencil".toCharArray(), RFC_SALT, 4096);

    private ScramServerConversation conversation() {
        return new ScramServerConversation(
                name -> name.equals("user") ? Optional.of(rfcUser) : Optional.empty(), () -> SERVER_NONCE);
    }

    @Test
    void answersTheRfc7677ExchangeByteForByte() throws AuthenticationFailure {
        ScramServerConversation conversation = conversation();

        String serverFirst = conversation.start("n,,n=user,r=" + CLIENT_NONCE);
        String serverFinal = conversation.finish(CLIENT_FINAL_WITHOUT_PROOF + ",p=" + RFC_PROOF);

        assertThat(serverFirst).isEqualTo("r=" + NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertThat(serverFinal).isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
        assertThat(conversation.authenticatedUser()).isSameAs(rfcUser);
    }

    @Test
    void rejectsAProofForAnotherPassword() throws AuthenticationFailure {
        ScramServerConversation conversation = conversation();
        conversation.start("n,,n=user,r=" + CLIENT_NONCE);
        byte[] proof = Base64.getDecoder().decode(RFC_PROOF);
        proof[0] ^= 1;

        assertThatThrownBy(() -> conversation.finish(
                        CLIENT_FINAL_WITHOUT_PROOF + ",p=" + Base64.getEncoder().encodeToString(proof)))
                .isInstanceOf(AuthenticationFailure.class)
                .hasMessage("wrong password");
        assertThat(conversation.isProven()).isFalse();
    }

    @Test
    void rejectsAnUnknownUserAtTheFirstMessage() {
        assertThatThrownBy(() -> conversation().start("n,,n=nobody,r=" + CLIENT_NONCE))
                .isInstanceOf(AuthenticationFailure.class)
                .hasMessage("no such user nobody");
    }

    @Test
    void rejectsAReplayedProofUnderAnotherNonce() throws AuthenticationFailure {
        ScramServerConversation conversation =
                new ScramServerConversation(name -> Optional.of(rfcUser), () -> "another-server-nonce");
        conversation.start("n,,n=user,r=" + CLIENT_NONCE);

        assertThatThrownBy(() -> conversation.finish(CLIENT_FINAL_WITHOUT_PROOF + ",p=" + RFC_PROOF))
                .isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining("nonce");
    }

    @Test
    void refusesChannelBindingItCannotHonour() {
        assertThatThrownBy(() -> conversation().start("p=tls-unique,,n=user,r=" + CLIENT_NONCE))
                .isInstanceOf(AuthenticationFailure.class);
    }

    @Test
    void unescapesCommaAndEqualsInUserNames() throws AuthenticationFailure {
        StringBuilder looked = new StringBuilder();
        ScramServerConversation conversation = new ScramServerConversation(name -> {
            looked.append(name);
            return Optional.of(rfcUser);
        });
        conversation.start("n,,n=a=2Cb=3Dc,r=" + CLIENT_NONCE);

        assertThat(looked).hasToString("a,b=c");
        assertThatThrownBy(() -> conversation().start("n,,n=a=b,r=" + CLIENT_NONCE))
                .isInstanceOf(AuthenticationFailure.class)
                .hasMessage("malformed user name");
    }

    @Test
    void randomServerNoncesExtendTheClientNonce() throws AuthenticationFailure {
        ScramServerConversation conversation = new ScramServerConversation(name -> Optional.of(rfcUser));

        String serverFirst = conversation.start("n,,n=user,r=" + CLIENT_NONCE);

        assertThat(serverFirst).startsWith("r=" + CLIENT_NONCE).doesNotContain("r=" + NONCE);
        assertThat(serverFirst.split(",")[0].length()).isGreaterThan(("r=" + CLIENT_NONCE).length() + 24);
    }
}
