package io.devstack.infra.local;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.amqp.AmqpBrokerMain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The AMQP 0-9-1 broker ({@code rabbitmq} in the stack) as its own small JVM, see {@link AmqpBrokerMain}. */
public final class AmqpLauncher implements BackendLauncher {

    public static final String SERVICE = "rabbitmq";
    public static final int PORT = 5672;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** Read by the broker at start, and again whenever it reappears (live password rotation). */
    public static final String CREDENTIALS_FILE = "rabbitmq.credentials";

    private final ProcessSupervisor supervisor;
    private final DevstackHome home;

    public AmqpLauncher(ProcessSupervisor supervisor) {
        this.supervisor = supervisor;
        this.home = supervisor.home();
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public List<Integer> ports() {
        return List.of(PORT);
    }

    @Override
    public String credentialsHint() {
        return "./devstack vault show-password rabbitmq (user dev_user)";
    }

    @Override
    public void start(SecretSource secrets, Progress progress) {
        Map<String, String> secret = secrets.read(SERVICE);
        Path credentials = home.runDir().resolve(CREDENTIALS_FILE);
        Properties properties = new Properties();
        properties.setProperty("user", secrets.field(SERVICE, "user"));
        properties.setProperty("password", secrets.field(SERVICE, "password"));
        properties.setProperty("vhost", secret.getOrDefault("vhost", "dev_vhost"));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevstackHome.writePrivateFile(credentials, text.toString());
        Path data = DevstackHome.privateDirectory(home.dataDir(SERVICE));
        List<String> command = ChildJvm.serverCommand(
                AmqpBrokerMain.class,
                "96m",
                List.of("-XX:MaxDirectMemorySize=64m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"),
                List.of(
                        "--port",
                        Integer.toString(PORT),
                        "--data",
                        data.toString(),
                        "--credentials",
                        credentials.toString()));
        progress.step("rabbitmq: starting the AMQP 0-9-1 broker (Qpid Broker-J) on 127.0.0.1:" + PORT);
        long pid = supervisor.start(SERVICE, command, Map.of(), data);
        Readiness.await(supervisor, SERVICE, READY_TIMEOUT, () -> probe(secrets));
        ChildJvm.endRecording(pid, command);
    }

    @Override
    public String probe(SecretSource secrets) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(PORT);
        factory.setUsername(secrets.field(SERVICE, "user"));
        factory.setPassword(secrets.field(SERVICE, "password"));
        String vhost = secrets.read(SERVICE).getOrDefault("vhost", "dev_vhost");
        factory.setVirtualHost(vhost);
        factory.setConnectionTimeout(3000);
        factory.setAutomaticRecoveryEnabled(false);
        try (Connection connection = factory.newConnection("devstack-probe");
                Channel channel = connection.createChannel()) {
            return "AMQP " + connection.getServerProperties().getOrDefault("product", "broker") + ", vhost " + vhost
                    + ", channel " + channel.getChannelNumber();
        }
    }
}
