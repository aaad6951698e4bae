package mx.ine.redes.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldParseQuotedFieldsAndNumberLinesAsAnEditorShowsThem() {
        List<Csv.Row> rows = Csv.parse("\uFEFFa,b\r\n\"x, y\",\"dice \"\"hola\"\"\"\n\n\"dos\nlíneas\",z\nfin,");

        assertThat(rows).containsExactly(
                new Csv.Row(1, List.of("a", "b")),
                new Csv.Row(2, List.of("x, y", "dice \"hola\"")),
                new Csv.Row(4, List.of("dos\nlíneas", "z")),
                new Csv.Row(6, List.of("fin", "")));
    }

    @Test
    void shouldRejectAnUnclosedQuoteNamingItsLine() {
        assertThatThrownBy(() -> Csv.parse("a,b\n\"abierta,c\n"))
                .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void shouldDefuseEveryFormulaLikeCell() {
        String written = Csv.line(List.of("x, y", "dice \"hola\"", "=HYPERLINK(1)", "-12", "+52", "@SUM(A1)", "\tTab",
                "\rCR", "normal", ""));

        assertThat(written).isEqualTo("\"x, y\",\"dice \"\"hola\"\"\",\"'=HYPERLINK(1)\",\"'-12\",\"'+52\",\"'@SUM(A1)\","
                + "\"'\tTab\",\"'\rCR\",normal,\r\n");
    }

    @Test
    void shouldRestoreExactlyWhatWasDefused() {
        for (String value : List.of("=1+1", "'=1+1", "''@x", "'hola", "hola", "-", "'", "", "México")) {
            String cell = Csv.parse(Csv.line(List.of(value, "fin"))).get(0).fields().get(0);
            assertThat(Csv.restore(cell)).as(value).isEqualTo(value);
        }
        // A hand-written apostrophe before ordinary text is the user's own.
        assertThat(Csv.restore("'hola")).isEqualTo("'hola");
    }

    @Test
    void shouldDecodeUtf8DroppingTheByteOrderMark() {
        byte[] body = "\uFEFFnombre\nMéxico\n".getBytes(StandardCharsets.UTF_8);

        assertThat(Csv.decode(body, null)).isEqualTo("nombre\nMéxico\n");
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8NamingTheLine() {
        byte[] body = "nombre\nJunta\nMéxico\n".getBytes(Charset.forName("windows-1252"));

        assertThatThrownBy(() -> Csv.decode(body, null))
                .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("UTF-8", "charset=windows-1252");
                });
    }

    @Test
    void shouldDecodeADeclaredWindows1252Body() {
        byte[] body = "nombre\nMéxico, Peñón\n".getBytes(Charset.forName("windows-1252"));

        assertThat(Csv.decode(body, "windows-1252")).isEqualTo("nombre\nMéxico, Peñón\n");
        assertThat(Csv.decode(body, "\"Windows-1252\"")).isEqualTo("nombre\nMéxico, Peñón\n");
    }

    @Test
    void shouldRefuseACharsetItDoesNotRead() {
        assertThatThrownBy(() -> Csv.decode(new byte[] {'a'}, "ebcdic-cp-us"))
                .isInstanceOf(Csv.UnsupportedCharsetDeclaredException.class);
    }
}
