package io.coffer.meta.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class WorkerTest {

  @Test
  void aFullDiskBecomesStorageFull() {
    RuntimeException e =
        Worker.translate(
            new SQLiteException("[SQLITE_FULL] disk full", SQLiteErrorCode.SQLITE_FULL));

    assertThat(e).isInstanceOf(CofferException.class);
    assertThat(((CofferException) e).code()).isEqualTo(ErrorCode.STORAGE_FULL);
    assertThat(e.getMessage()).isEqualTo(ErrorCode.STORAGE_FULL.defaultMessage());
  }

  @Test
  void aFullDiskIsToldByTheCodeNotTheMessage() {
    SQLiteException full = new SQLiteException("no space left", SQLiteErrorCode.SQLITE_FULL);
    assertThat(code(Worker.translate(full))).isEqualTo(ErrorCode.STORAGE_FULL);
    assertThat(code(Worker.translate(new SQLException("commit failed", full))))
        .isEqualTo(ErrorCode.STORAGE_FULL);
  }

  @Test
  void otherSqlErrorsAreInternal() {
    RuntimeException e =
        Worker.translate(new SQLiteException("boom", SQLiteErrorCode.SQLITE_CORRUPT));

    assertThat(code(e)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    assertThat(e.getMessage()).isEqualTo("metadata store: boom");
  }

  private static ErrorCode code(RuntimeException e) {
    return ((CofferException) e).code();
  }
}
