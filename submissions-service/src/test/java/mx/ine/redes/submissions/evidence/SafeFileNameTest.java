package mx.ine.redes.submissions.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A download is named from the client's name without its path or anything unsafe, with the real type's extension. */
class SafeFileNameTest {

    @Test
    void shouldDropAParentPath() {
        assertThat(SafeFileName.of("../../etc/passwd", "image/png")).isEqualTo("passwd.png");
    }

    @Test
    void shouldDropAWindowsPathAndItsDriveAndLowerTheExtension() {
        assertThat(SafeFileName.of("C:\\Users\\x\\captura.PNG", "image/png")).isEqualTo("captura.png");
        assertThat(SafeFileName.of("C:captura.png", "image/png")).isEqualTo("captura.png");
    }

    @Test
    void shouldReplaceNulAndLineBreaksSoNoHeaderCanBeInjected() {
        assertThat(SafeFileName.of("informe\u0000final.pdf", "application/pdf")).isEqualTo("informe final.pdf");
        assertThat(SafeFileName.of("reporte\r\nSet-Cookie: a=b.jpg", "image/jpeg")).isEqualTo("reporte Set-Cookie a=b.jpg");
    }

    @Test
    void shouldCapALongNameAt120CharactersKeepingTheExtension() {
        String name = SafeFileName.of("a".repeat(500) + ".png", "image/png");

        assertThat(name).isEqualTo("a".repeat(116) + ".png");
        assertThat(name).hasSize(120);
    }

    @Test
    void shouldKeepSpanishAccentsAndCollapseSpaces() {
        assertThat(SafeFileName.of("  Captura de   pantalla – publicación\tdel año 2026 .jpeg", "image/jpeg"))
                .isEqualTo("Captura de pantalla – publicación del año 2026.jpg");
    }

    @Test
    void shouldGiveTheExtensionOfTheTypeRecognisedFromTheContent() {
        assertThat(SafeFileName.of("foto.png", "application/pdf")).isEqualTo("foto.pdf");
        assertThat(SafeFileName.of("oficio INE-JLE-CHIS-0123-2026", "application/pdf")).isEqualTo("oficio INE-JLE-CHIS-0123-2026.pdf");
        assertThat(SafeFileName.of("programa.exe", "image/jpeg")).isEqualTo("programa.exe.jpg");
    }

    @Test
    void shouldRemoveCharactersFileSystemsAndHeadersRefuse() {
        assertThat(SafeFileName.of("a<b>c:d\"e|f?g*h;i.png", "image/png")).isEqualTo("a b c d e f g h i.png");
    }

    @Test
    void shouldNotLetARightToLeftOverrideDisguiseTheName() {
        assertThat(SafeFileName.of("factura\u202Egnp.exe", "image/png")).isEqualTo("factura gnp.exe.png");
    }

    @Test
    void shouldNameEvidenciaWhenNothingUsableIsLeft() {
        assertThat(SafeFileName.of(null, "image/png")).isEqualTo("evidencia.png");
        assertThat(SafeFileName.of("", "image/jpeg")).isEqualTo("evidencia.jpg");
        assertThat(SafeFileName.of("..", "application/pdf")).isEqualTo("evidencia.pdf");
        assertThat(SafeFileName.of("/\r\n\u0000", "application/pdf")).isEqualTo("evidencia.pdf");
        assertThat(SafeFileName.of("CON.png", "image/png")).isEqualTo("evidencia.png");
    }

    @Test
    void shouldNotHideTheFileBehindALeadingDot() {
        assertThat(SafeFileName.of(".htaccess", "image/png")).isEqualTo("htaccess.png");
    }

    @Test
    void shouldBuildAContentDispositionWithAnAsciiFallbackAndTheUtf8Name() {
        assertThat(SafeFileName.contentDisposition("publicación del año 100%.pdf")).isEqualTo(
                "attachment; filename=\"publicacion del ano 100_.pdf\"; "
                        + "filename*=UTF-8''publicaci%C3%B3n%20del%20a%C3%B1o%20100%25.pdf");
    }
}
