package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void aLibpqUrlBecomesAJdbcUrlWithTheCredentialsKeptApart() {
    PostgresUrl url =
        PostgresUrl.parse("postgresql://coffer:p%40ss@db.example:5433/meta?sslmode=require", null);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/meta?sslmode=require");
    assertThat(url.user()).isEqualTo("coffer");
    assertThat(url.password()).isEqualTo("p@ss");
  }

  @Test
  void thePasswordFromTheEnvironmentIsUsedWhenTheUrlHasNone() {
    assertThat(PostgresUrl.parse("postgres://coffer@db/meta", "fromenv").password())
        .isEqualTo("fromenv");
    assertThat(PostgresUrl.parse("postgresql://coffer:inurl@db/meta", "fromenv").password())
        .isEqualTo("inurl");
    PostgresUrl jdbc = PostgresUrl.parse("jdbc:postgresql://db/meta?user=coffer", "fromenv");
    assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://db/meta?user=coffer");
    assertThat(jdbc.password()).isEqualTo("fromenv");
  }

  @Test
  void thePasswordIsNeverInTheTextThatGetsLogged() {
    PostgresUrl url = PostgresUrl.parse("postgresql://coffer:hunter2@db:5432/meta", null);
    assertThat(url.toString()).doesNotContain("hunter2").contains("db:5432/meta", "coffer");
  }

  @Test
  void somethingElseIsRefusedWithAReason() {
    assertThatThrownBy(() -> PostgresUrl.parse("mysql://db/meta", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql:///meta", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host");
  }
}
