package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.data.WithDefaultsMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The query parameters of RFC 8040 §4.8 and the media types of §5.2. */
class QueryParamsTest {
  static int status(ThrowingRunnable r) {
    return assertThrows(RestconfException.class, r::run).status();
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  @DisplayName("RFC 8040 §4.8: unknown and repeated parameters are 400")
  void unknownAndRepeated() {
    assertEquals(400, status(() -> QueryParams.parse("colour=red")));
    assertEquals(400, status(() -> QueryParams.parse("depth=1&depth=2")));
    assertEquals(
        400, status(() -> QueryParams.parse("depth=1").allowOnly(Set.of("content"), "PUT")));
  }

  @Test
  @DisplayName("RFC 8040 §4.8.2: depth is 1..65535 or unbounded")
  void depth() throws Exception {
    assertEquals(0, QueryParams.parse("").depth());
    assertEquals(0, QueryParams.parse("depth=unbounded").depth());
    assertEquals(3, QueryParams.parse("depth=3").depth());
    assertEquals(400, status(() -> QueryParams.parse("depth=0").depth()));
    assertEquals(400, status(() -> QueryParams.parse("depth=65536").depth()));
  }

  @Test
  @DisplayName("RFC 8040 §4.8.1, §4.8.9: content and with-defaults values")
  void contentAndDefaults() throws Exception {
    assertEquals(QueryParams.Content.NONCONFIG, QueryParams.parse("content=nonconfig").content());
    assertEquals(400, status(() -> QueryParams.parse("content=x").content()));
    assertEquals(
        WithDefaultsMode.REPORT_ALL_TAGGED,
        QueryParams.parse("with-defaults=report-all-tagged").withDefaults().orElseThrow());
    assertEquals(400, status(() -> QueryParams.parse("with-defaults=all").withDefaults()));
  }

  @Test
  @DisplayName("RFC 8040 §4.8.5, §4.8.6: before and after need a point; first and last take none")
  void insertAndPoint() throws Exception {
    assertEquals(
        QueryParams.Insert.FIRST, QueryParams.parse("insert=first").insert().orElseThrow());
    assertEquals(400, status(() -> QueryParams.parse("insert=before").insert()));
    assertEquals(400, status(() -> QueryParams.parse("insert=first&point=/a:b").insert()));
    assertEquals(
        QueryParams.Insert.AFTER,
        QueryParams.parse("insert=after&point=%2Fa%3Ab%3Dx").insert().orElseThrow());
    assertEquals("/a:b=x", QueryParams.parse("insert=after&point=%2Fa%3Ab%3Dx").raw("point").get());
  }

  @Test
  @DisplayName("RFC 8040 §4.8.7: start-time is a date-and-time")
  void times() throws Exception {
    assertTrue(QueryParams.parse("start-time=2026-01-01T00:00:00Z").time("start-time").isPresent());
    assertTrue(
        QueryParams.parse("start-time=2026-01-01T01:00:00%2B01:00").time("start-time").isPresent());
    assertEquals(400, status(() -> QueryParams.parse("start-time=yesterday").time("start-time")));
  }

  @Test
  @DisplayName("RFC 8040 §4.8.3: fields expressions nest with parentheses, slashes and semicolons")
  void fields() throws Exception {
    var f = Fields.parse("a(b;c/d);e");
    assertEquals(Set.of("a", "e"), f.children().keySet());
    assertEquals(Set.of("b", "c"), f.children().get("a").children().keySet());
    assertEquals(Set.of("d"), f.children().get("a").children().get("c").children().keySet());
    assertTrue(f.children().get("e").selectsAll());
    assertEquals(Map.of(), Fields.parse("x:y").children().get("x:y").children());
    assertEquals(400, status(() -> Fields.parse("a(b")));
    assertEquals(400, status(() -> Fields.parse("a;;b")));
    assertEquals(400, status(() -> Fields.parse("")));
  }

  @Test
  @DisplayName("RFC 8040 §5.2: Accept chooses the encoding by quality; nothing acceptable is empty")
  void accept() {
    assertEquals(Encoding.JSON, Encoding.forAccept(null, Encoding.JSON).orElseThrow());
    assertEquals(
        Encoding.XML,
        Encoding.forAccept(
                "application/yang-data+json;q=0.2, application/yang-data+xml", Encoding.JSON)
            .orElseThrow());
    assertEquals(Encoding.XML, Encoding.forAccept("*/*", Encoding.XML).orElseThrow());
    assertTrue(Encoding.forAccept("text/html", Encoding.JSON).isEmpty());
    assertEquals(
        "application/yang-data+json",
        Encoding.mediaType("Application/YANG-Data+JSON; charset=utf-8"));
  }
}
