package ai.agni.campaigns.contact.importing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.organization.OrganizationService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports a generated 1,000,000-row CSV through the real HTTP endpoint (Tomcat on a random port, a
 * {@code text/csv} body streamed from disk) into an H2 file database, in a JVM limited to 256 MB,
 * and prints rows per second and peak heap. Not a timed unit test: run it with
 *
 * <pre>mvn -o -Pbench test</pre>
 *
 * (the {@code bench} profile selects tag {@code bench} and sets {@code -Xmx256m}). The CSV is
 * written, streaming, to {@code target/bench/}; the figures also go to {@code
 * target/bench/contact-import.txt}.
 */
@Tag("bench")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:file:./target/bench/db-${random.uuid};MODE=PostgreSQL;"
          + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "agni.dialer.enabled=false",
      "agni.data-dir=target/bench/data"
    })
class ContactImportBenchmark {

  static final int ROWS = 1_000_000;
  static final Path DIR = Path.of("target", "bench");

  @LocalServerPort int port;
  @Autowired OrganizationService organizations;
  @Autowired ObjectMapper json;

  @Autowired DataSource dataSource;

  @Test
  void importsAMillionRowsInBoundedMemory() throws Exception {
    deleteEarlierDatabases();
    Path csv = generate(DIR.resolve("contacts-1m.csv"));
    String key = organizations.create("Bench " + UUID.randomUUID(), "US", 100, 10).apiKey();
    System.gc();
    HeapWatch heap = HeapWatch.start();
    long started = System.nanoTime();
    HttpResponse<String> response = upload(csv, key);
    double seconds = (System.nanoTime() - started) / 1e9;
    heap.stop();

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = json.readTree(response.body()).get("data");
    assertThat(report.get("imported").asLong()).as(report.toString()).isEqualTo(ROWS);
    String figures =
        String.format(
            "contact import benchmark: %,d rows (%,d MB CSV) in %.1f s = %,.0f rows/s;"
                + " peak heap used %d MB (sampled every 20 ms), max heap left after a GC %d MB,"
                + " sum of the heap pools' own peaks %d MB (an upper bound); -Xmx %d MB%n",
            ROWS,
            Files.size(csv) >> 20,
            seconds,
            ROWS / seconds,
            heap.peakUsed() >> 20,
            heap.peakAfterGc() >> 20,
            heap.poolPeaks() >> 20,
            Runtime.getRuntime().maxMemory() >> 20);
    System.out.print(figures);
    Files.writeString(DIR.resolve("contact-import.txt"), figures);
  }

  /** Each run has its own database file (about 300 MB); earlier runs' files are removed. */
  private void deleteEarlierDatabases() throws IOException, SQLException {
    String databaseUrl;
    try (Connection connection = dataSource.getConnection()) {
      databaseUrl = connection.getMetaData().getURL();
    }
    try (var files = Files.list(DIR)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("db-") && !databaseUrl.contains(name.substring(0, name.indexOf('.')))) {
          Files.delete(file);
        }
      }
    }
  }

  private HttpResponse<String> upload(Path csv, String key)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contacts/import"))
            .header("X-Api-Key", key)
            .header("Content-Type", "text/csv; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofFile(csv))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Writes the CSV row by row: unique valid US numbers, every mapped column and two extras. */
  private static Path generate(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("phone,first_name,last_name,email,company,timezone,tags,plan,score\n");
      for (int i = 0; i < ROWS; i++) {
        out.write("+1212" + (2_000_000 + i));
        out.write(",First" + i + ",Last" + i + ",user" + i + "@example.com,Company " + (i % 997));
        out.write(",America/New_York,lead;batch" + (i % 10) + ",gold," + (i % 100) + "\n");
      }
    }
    return file;
  }

  /** Samples heap use while the import runs, and reads the pools' own peaks afterwards. */
  private static final class HeapWatch {
    private final List<MemoryPoolMXBean> pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    static HeapWatch start() {
      HeapWatch watch = new HeapWatch();
      watch.pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      watch.thread = new Thread(watch::run, "heap-watch");
      watch.thread.setDaemon(true);
      watch.thread.start();
      return watch;
    }

    private void run() {
      while (running) {
        sample();
        try {
          Thread.sleep(20); // a sampling interval, not a wait for a result
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void sample() {
      long used = 0;
      long afterGc = 0;
      for (MemoryPoolMXBean pool : pools) {
        used += pool.getUsage().getUsed();
        MemoryUsage collected = pool.getCollectionUsage();
        afterGc += collected == null ? 0 : collected.getUsed();
      }
      peakUsed.accumulateAndGet(used, Math::max);
      peakAfterGc.accumulateAndGet(afterGc, Math::max);
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
      sample();
    }

    long peakUsed() {
      return peakUsed.get();
    }

    long peakAfterGc() {
      return peakAfterGc.get();
    }

    long poolPeaks() {
      return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
  }
}
