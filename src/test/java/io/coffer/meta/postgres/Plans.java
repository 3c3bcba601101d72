package io.coffer.meta.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What PostgreSQL did for one listing statement: EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of the
 * exact statement and parameters the store runs, flattened to its plan nodes.
 */
record Plans(List<JsonNode> nodes, String text) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Plans explain(Connection c, NamedSql.Bound statement) throws SQLException {
    try (PreparedStatement ps = statement.prepare(c, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      String text = rs.getString(1);
      JsonNode root = JSON.readTree(text).get(0).get("Plan");
      List<JsonNode> nodes = new ArrayList<>();
      collect(root, nodes);
      return new Plans(nodes, text);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    out.add(node);
    JsonNode children = node.get("Plans");
    if (children != null) {
      for (JsonNode child : children) {
        collect(child, out);
      }
    }
  }

  /** Node types that read a whole table (a bitmap scan reads an index range: not one of them). */
  List<String> tableScans() {
    return nodes.stream()
        .map(n -> n.get("Node Type").asString())
        .filter(t -> t.equals("Seq Scan") || t.equals("Hash"))
        .toList();
  }

  /** The most rows any sort (or incremental sort) took in one loop. */
  long largestSort() {
    long max = 0;
    for (JsonNode n : nodes) {
      String type = n.get("Node Type").asString();
      if (type.endsWith("Sort")) {
        JsonNode input = n.get("Plans").get(0);
        max = Math.max(max, input.get("Actual Rows").asLong());
      }
    }
    return max;
  }

  /** Rows read by every scan node in all its loops: the work of the statement in rows. */
  long rowsScanned() {
    long rows = 0;
    for (JsonNode n : nodes) {
      String type = n.get("Node Type").asString();
      if (type.endsWith("Scan")
          && !type.equals("CTE Scan")
          && !type.equals("WorkTable Scan")
          && !type.equals("Subquery Scan")) {
        rows += n.get("Actual Rows").asLong() * n.get("Actual Loops").asLong();
      }
    }
    return rows;
  }

  /** Shared buffers (pages) the statement touched. */
  long buffers() {
    JsonNode root = nodes.get(0);
    return root.get("Shared Hit Blocks").asLong() + root.get("Shared Read Blocks").asLong();
  }

  /** How many index descents: the loops of all index scans. */
  long indexDescents() {
    long loops = 0;
    for (JsonNode n : nodes) {
      if (n.get("Node Type").asString().startsWith("Index")) {
        loops += n.get("Actual Loops").asLong();
      }
    }
    return loops;
  }
}
