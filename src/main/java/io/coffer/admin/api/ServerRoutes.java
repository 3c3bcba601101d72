package io.coffer.admin.api;

import io.coffer.admin.api.body.OpsBodies.HistoryBody;
import io.coffer.admin.api.body.OpsBodies.ServerBody;
import io.coffer.admin.api.body.OpsBodies.SlotBody;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.service.ops.Operations;
import io.coffer.service.ops.ServerFacts;
import io.coffer.service.ops.ServerStatus;
import io.coffer.service.ops.SlotSummary;
import java.util.Objects;

/**
 * GET /api/v1/server (the server's information: version, uptime, data directory and its disk,
 * metadata size, addresses) and GET /api/v1/server/history (the last hour of S3 requests, for the
 * console's live charts). Administrator only.
 */
final class ServerRoutes {
  private final Operations operations;

  ServerRoutes(Operations operations) {
    this.operations = operations;
  }

  void register(Router router) {
    router.add("GET", "/api/v1/server", this::server);
    router.add("GET", "/api/v1/server/history", this::history);
  }

  private HttpResponse server(ApiRequest request) {
    ServerStatus status = operations.info().now();
    ServerFacts facts = status.facts();
    double freePercent =
        status.diskTotal() == 0 ? 0 : status.diskUsable() * 100.0 / status.diskTotal();
    return JsonResponses.json(
        200,
        new ServerBody(
            facts.version(),
            Objects.requireNonNull(Formats.time(facts.startedAt())),
            status.uptime().toSeconds(),
            facts.dataDir().toString(),
            status.diskTotal(),
            status.diskUsable(),
            Math.round(freePercent * 10) / 10.0,
            facts.diskFreeWarningPercent(),
            status.diskWarning(),
            facts.metadataStore(),
            status.metadataBytes(),
            facts.region(),
            facts.s3Address(),
            facts.s3Endpoint(),
            facts.consoleAddress(),
            facts.tlsEngine() != null,
            facts.tlsEngine(),
            facts.nodeId(),
            operations.trace().listening()));
  }

  private HttpResponse history(ApiRequest request) {
    return JsonResponses.json(
        200,
        new HistoryBody(
            operations.history().slot().toSeconds(),
            operations.history().lastHour().stream().map(ServerRoutes::slot).toList()));
  }

  private static SlotBody slot(SlotSummary s) {
    return new SlotBody(
        Objects.requireNonNull(Formats.time(s.start())),
        s.seconds(),
        s.requests(),
        s.byOperation(),
        s.clientErrors(),
        s.serverErrors(),
        s.bytesIn(),
        s.bytesOut(),
        s.p50Millis(),
        s.p90Millis(),
        s.p99Millis());
  }
}
