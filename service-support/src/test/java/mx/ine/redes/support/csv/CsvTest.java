package mx.ine.redes.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void shouldWriteWhatItReadsAndDefuseFormulas() {
        String written = Csv.line(List.of("x, y", "dice \"hola\"", "=HYPERLINK(1)", "-12", ""));

        assertThat(written).isEqualTo("\"x, y\",\"dice \"\"hola\"\"\",\"'=HYPERLINK(1)\",-12,\r\n");
        assertThat(Csv.parse(written).get(0).fields()).containsExactly("x, y", "dice \"hola\"", "'=HYPERLINK(1)", "-12", "");
    }
}
