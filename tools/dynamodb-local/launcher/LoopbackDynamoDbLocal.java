import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts Amazon's DynamoDB Local exactly as its own main class (ServerRunner) does, with the same command line, but with
 * its Jetty connector bound to 127.0.0.1: DynamoDB Local has no bind-address option and would listen on every interface.
 * The server is built through DynamoDB Local's public API; only the connector's host is changed before it starts, and
 * the bound address is checked afterwards, so a future DynamoDB Local that builds its server differently fails to start
 * instead of quietly listening on every interface.
 */
public final class LoopbackDynamoDbLocal {
    private static final String LOOPBACK = "127.0.0.1";

    private LoopbackDynamoDbLocal() {
    }

    public static void main(String[] args) throws Exception {
        // -help, -version and invalid options: DynamoDB Local prints what to print and does not start (as ServerRunner).
        if (!new CommandLineInput(args).init()) {
            return;
        }

        DynamoDBProxyServer dynamoDb = ServerRunner.createServerFromCommandLineArgs(args);
        Server jetty = jettyOf(dynamoDb);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) {
            throw fail("DynamoDB Local's Jetty server has no connector to bind to " + LOOPBACK);
        }
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector network)) {
                throw fail("DynamoDB Local's Jetty server has a connector of an unexpected type: " + connector.getClass().getName());
            }
            network.setHost(LOOPBACK);
        }

        dynamoDb.start();
        // DynamoDBProxyServer.start() reports some bind failures on stderr and stops the server instead of throwing.
        if (!jetty.isStarted()) {
            throw fail("DynamoDB Local did not start");
        }
        for (Connector connector : connectors) {
            SocketAddress bound = ((ServerSocketChannel) ((ServerConnector) connector).getTransport()).getLocalAddress();
            if (!(bound instanceof InetSocketAddress inet) || !inet.getAddress().isLoopbackAddress()) {
                dynamoDb.stop();
                throw fail("DynamoDB Local listens on " + bound + ", not on " + LOOPBACK);
            }
        }

        dynamoDb.join();
    }

    /** DynamoDBProxyServer keeps its Jetty server in a private field and offers no getter: found by its type, not its name. */
    private static Server jettyOf(DynamoDBProxyServer dynamoDb) throws IllegalAccessException {
        Field found = null;
        for (Field field : DynamoDBProxyServer.class.getDeclaredFields()) {
            if (Server.class.isAssignableFrom(field.getType())) {
                if (found != null) {
                    throw fail("DynamoDBProxyServer holds more than one Jetty server; the launcher does not know which one serves");
                }
                found = field;
            }
        }
        if (found == null) {
            throw fail("DynamoDBProxyServer holds no Jetty server field; this DynamoDB Local version needs a new launcher");
        }
        found.setAccessible(true);
        return (Server) found.get(dynamoDb);
    }

    /** One line on stderr and exit code 1; returns only for the compiler: {@code throw fail(...)}. */
    private static IllegalStateException fail(String message) {
        System.err.println("LoopbackDynamoDbLocal: " + message);
        System.exit(1);
        return new IllegalStateException(message);
    }
}
