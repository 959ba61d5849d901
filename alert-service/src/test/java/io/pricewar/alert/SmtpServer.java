package io.pricewar.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server in the test JVM: GreenMail, behind a front that can turn connections away with
 * {@code 421} (what a busy or throttling server answers) before letting the next ones through.
 * The service is configured with the front's port, once for every IT.
 */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final ServerSocket front;
    private final AtomicInteger refusals = new AtomicInteger();

    private SmtpServer() throws IOException {
        greenMail.start();
        front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smtp-front").start(this::acceptLoop);
    }

    public static SmtpServer start() {
        try {
            return new SmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return front.getLocalPort();
    }

    /** The next {@code count} connections are greeted with 421 and closed. */
    public void refuseNext(int count) {
        refusals.set(count);
    }

    /** Every message received so far that is addressed to {@code to}. */
    public List<MimeMessage> receivedBy(String to) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isAddressedTo(m, to)).toList();
    }

    private static boolean isAddressedTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    refuse(client);
                } else {
                    Thread.ofVirtual().start(() -> relay(client));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void refuse(Socket client) throws IOException {
        try (client) {
            client.getOutputStream().write("421 4.3.2 try again later\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), greenMail.getSmtp().getPort())) {
            Thread upstream = Thread.ofVirtual().start(() -> copy(client, server));
            copy(server, client);
            upstream.join();
        } catch (IOException e) {
            // The connection ended; the client sees it closed, as it would a real server's.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed; the other copy ends with it.
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException ignored) {
            // Closing only stops accepting.
        }
        greenMail.stop();
    }
}
