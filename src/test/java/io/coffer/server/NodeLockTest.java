package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes sharing a data directory: each its own lock, and no single-node server beside them. */
class NodeLockTest {
  @TempDir Path temp;

  @Test
  void nodesWithDifferentIdsShareTheDirectoryButNotAnId() throws Exception {
    Path data = temp.resolve("data");
    try (NodeLock a = NodeLock.acquire(data, "node-a");
        NodeLock b = NodeLock.acquire(data, "node-b")) {
      assertThatThrownBy(() -> NodeLock.acquire(data, "node-a"))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("node ID node-a is in use")
          .hasMessageContaining("--node-id");
    }
    // released: the ID can be used again
    NodeLock.acquire(data, "node-a").close();
  }

  @Test
  void aSingleNodeServerAndNodesExcludeEachOther() throws Exception {
    Path data = temp.resolve("data");
    try (NodeLock node = NodeLock.acquire(data, "node-a")) {
      assertThatThrownBy(() -> DataDirectoryLock.acquire(data))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("in use");
    }
    try (DataDirectoryLock single = DataDirectoryLock.acquire(data)) {
      assertThatThrownBy(() -> NodeLock.acquire(data, "node-a"))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("single-node Coffer");
    }
  }

  @Test
  void nodesLeaveAMarkerThatASingleNodeServerRespects() throws Exception {
    Path data = temp.resolve("data");
    assertThat(NodeLock.usedByNodes(data)).isFalse();
    NodeLock.acquire(data, "node-a").close();
    assertThat(NodeLock.usedByNodes(data)).isTrue();
    assertThatThrownBy(() -> CofferServer.start(io.coffer.config.ServerConfig.forTests(data)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("PostgreSQL")
        .hasMessageContaining("--metadata");
  }
}
