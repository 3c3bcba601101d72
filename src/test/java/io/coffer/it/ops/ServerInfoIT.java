package io.coffer.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestStore;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/server tells the truth about the server, checked against the JDK's own answers. */
class ServerInfoIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  static final CofferTestServer NEARLY_FULL =
      new CofferTestServer().configured(c -> c.withDiskFreeWarningPercent(100));

  static final Api API = new Api(SERVER);

  @Test
  void theDiskFiguresAreTheFileSystemsOfTheDataDirectory() throws Exception {
    JsonNode info = API.get("/server").json();
    Path dataDir = SERVER.dataDir().toAbsolutePath();
    FileStore store = Files.getFileStore(dataDir);
    assertThat(info.get("data_dir").asString()).isEqualTo(dataDir.toString());
    assertThat(info.get("disk_total_bytes").asLong()).isEqualTo(store.getTotalSpace());
    // Other processes write to the same disk between the two readings: close, not equal.
    assertThat(info.get("disk_free_bytes").asLong())
        .isCloseTo(store.getUsableSpace(), org.assertj.core.data.Offset.offset(256L << 20));
    double percent = store.getUsableSpace() * 100.0 / store.getTotalSpace();
    assertThat(info.get("disk_free_percent").asDouble())
        .isCloseTo(percent, org.assertj.core.data.Offset.offset(1.0));
    assertThat(info.get("disk_free_warning_percent").asInt()).isEqualTo(10);
    assertThat(info.get("disk_warning").asBoolean()).isEqualTo(percent < 10);
  }

  @Test
  void theWarningFollowsTheThreshold() {
    JsonNode info = new Api(NEARLY_FULL).get("/server").json();
    assertThat(info.get("disk_free_warning_percent").asInt()).isEqualTo(100);
    assertThat(info.get("disk_warning").asBoolean()).isTrue();
  }

  @Test
  void theMetadataSizeIsTheStoresOwn() throws Exception {
    JsonNode info = API.get("/server").json();
    long reported = info.get("metadata_size_bytes").asLong();
    assertThat(reported).isPositive();
    if (TestStore.postgres()) {
      assertThat(info.get("metadata_store").asString()).isEqualTo("postgresql");
      return;
    }
    assertThat(info.get("metadata_store").asString()).isEqualTo("sqlite");
    Path db = SERVER.dataDir().resolve(".coffer").resolve("metadata.db");
    long files = 0;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path part = db.resolveSibling(db.getFileName() + suffix);
      files += Files.exists(part) ? Files.size(part) : 0;
    }
    assertThat(reported).isEqualTo(files);
  }

  @Test
  void addressesRegionTlsNodeAndUptime() {
    Instant before = Instant.now();
    JsonNode info = API.get("/server").json();
    var server = SERVER.server();
    assertThat(info.get("region").asString()).isEqualTo("us-east-1");
    assertThat(info.get("s3_address").asString()).isEqualTo("127.0.0.1:" + server.s3Port());
    assertThat(info.get("console_address").asString())
        .isEqualTo("127.0.0.1:" + server.consolePort());
    assertThat(info.get("s3_endpoint").asString()).isEqualTo(server.publicEndpoint());
    assertThat(info.get("tls").asBoolean()).isFalse();
    assertThat(info.get("tls_engine").isNull()).isTrue();
    assertThat(info.get("node_id").asString()).isEqualTo(server.nodeId());
    assertThat(info.get("version").asString()).isNotBlank();
    Instant started = Instant.parse(info.get("started_at").asString());
    assertThat(started).isBefore(before);
    assertThat(info.get("uptime_seconds").asLong())
        .isBetween(0L, before.getEpochSecond() - started.getEpochSecond() + 2);
    assertThat(info.get("trace_listeners").asInt()).isZero();
  }

  @Test
  void theOpenApiDocumentNamesTheFieldsSent() {
    JsonNode schemas = API.get("/openapi.json").json().get("components").get("schemas");
    assertThat(schemas.get("ServerInfo").get("properties").propertyNames())
        .containsExactlyInAnyOrderElementsOf(API.get("/server").json().propertyNames());
    JsonNode history = API.get("/server/history").json();
    assertThat(schemas.get("RequestHistory").get("properties").propertyNames())
        .containsExactlyInAnyOrderElementsOf(history.propertyNames());
    assertThat(schemas.get("HistorySlot").get("properties").propertyNames())
        .containsExactlyInAnyOrderElementsOf(history.get("slots").get(0).propertyNames());
  }

  @Test
  void onlyWithTheKey() {
    Api.Reply reply = API.send("GET", "/server", null, Map.of());
    assertThat(reply.status()).isEqualTo(401);
    assertThat(API.send("GET", "/server/history", null, Map.of()).status()).isEqualTo(401);
    assertThat(API.send("GET", "/trace", null, Map.of()).status()).isEqualTo(401);
  }
}
