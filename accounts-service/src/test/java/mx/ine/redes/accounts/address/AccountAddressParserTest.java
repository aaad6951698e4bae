package mx.ine.redes.accounts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mx.ine.redes.accounts.Network;
import mx.ine.redes.support.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountAddressParserTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            https://x.com/INEMexico                                  | X                | inemexico            | https://x.com/inemexico
            https://twitter.com/INEMexico/                           | X                | inemexico            | https://x.com/inemexico
            http://mobile.twitter.com/INEMexico?lang=es              | X                | inemexico            | https://x.com/inemexico
            twitter.com/#!/VotoExtranjero                            | X                | votoextranjero       | https://x.com/votoextranjero
            https://x.com/INETelMx/status/1790000000000000000        | X                | inetelmx             | https://x.com/inetelmx
            www.x.com/@INEMexico                                     | X                | inemexico            | https://x.com/inemexico
            https://www.facebook.com/INEMexico                       | FACEBOOK         | inemexico            | https://www.facebook.com/inemexico
            https://m.facebook.com/INEMexico/?ref=bookmarks          | FACEBOOK         | inemexico            | https://www.facebook.com/inemexico
            https://es-la.facebook.com/PoderEsTuyo/                  | FACEBOOK         | poderestuyo          | https://www.facebook.com/poderestuyo
            https://fb.com/INEMexico                                 | FACEBOOK         | inemexico            | https://www.facebook.com/inemexico
            https://www.facebook.com/profile.php?id=100064771234567  | FACEBOOK         | 100064771234567      | https://www.facebook.com/profile.php?id=100064771234567
            https://www.facebook.com/pages/INE-Chiapas/123456789012  | FACEBOOK         | 123456789012         | https://www.facebook.com/profile.php?id=123456789012
            https://www.facebook.com/people/JDE-03/61550000000000/   | FACEBOOK         | 61550000000000       | https://www.facebook.com/profile.php?id=61550000000000
            https://www.facebook.com/pg/INEMexico/posts/             | FACEBOOK         | inemexico            | https://www.facebook.com/inemexico
            https://www.youtube.com/@infodfl                         | YOUTUBE          | infodfl              | https://www.youtube.com/@infodfl
            https://m.youtube.com/@INETV/videos                      | YOUTUBE          | inetv                | https://www.youtube.com/@inetv
            https://www.youtube.com/channel/UCk9Zx3NXh8ZzTFkQ5YbBrnA | YOUTUBE          | channel/UCk9Zx3NXh8ZzTFkQ5YbBrnA | https://www.youtube.com/channel/UCk9Zx3NXh8ZzTFkQ5YbBrnA
            https://www.youtube.com/c/INETVmx                        | YOUTUBE          | c/inetvmx            | https://www.youtube.com/c/inetvmx
            https://www.youtube.com/user/IFETV                       | YOUTUBE          | user/ifetv           | https://www.youtube.com/user/ifetv
            https://www.instagram.com/inemexico/                     | INSTAGRAM        | inemexico            | https://www.instagram.com/inemexico
            https://instagr.am/INEMexico                             | INSTAGRAM        | inemexico            | https://www.instagram.com/inemexico
            https://www.tiktok.com/@inemexico?lang=es                | TIKTOK           | inemexico            | https://www.tiktok.com/@inemexico
            https://www.tiktok.com/@INEMexico/video/7300000000000000000 | TIKTOK        | inemexico            | https://www.tiktok.com/@inemexico
            https://www.threads.net/@inemexico                       | THREADS          | inemexico            | https://www.threads.net/@inemexico
            https://www.threads.com/@INEMexico/                      | THREADS          | inemexico            | https://www.threads.net/@inemexico
            https://www.linkedin.com/company/ine-mexico/             | LINKEDIN         | ine-mexico           | https://www.linkedin.com/company/ine-mexico
            https://mx.linkedin.com/company/ine-mexico/about         | LINKEDIN         | ine-mexico           | https://www.linkedin.com/company/ine-mexico
            https://www.linkedin.com/showcase/voto-extranjero        | LINKEDIN         | showcase/voto-extranjero | https://www.linkedin.com/showcase/voto-extranjero
            https://www.pinterest.com/inemexico/                     | PINTEREST        | inemexico            | https://www.pinterest.com/inemexico
            https://mx.pinterest.com/INEMexico/democracia/           | PINTEREST        | inemexico            | https://www.pinterest.com/inemexico
            https://www.whatsapp.com/channel/0029VaB1cDeFgHiJkLmNoP3q | WHATSAPP_CHANNEL | 0029VaB1cDeFgHiJkLmNoP3q | https://www.whatsapp.com/channel/0029VaB1cDeFgHiJkLmNoP3q
            """)
    void shouldPlaceRealProfileUrls(String url, Network network, String handle, String canonicalUrl) {
        assertThat(AccountAddressParser.parse(url)).isEqualTo(new AccountAddress(network, handle, canonicalUrl));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.infocdmx.org.mx/index.php
            https://x.com/home
            https://x.com/intent/tweet?text=hola
            https://x.com/search?q=ine
            https://x.com/
            https://www.facebook.com/groups/123456
            https://www.facebook.com/watch/?v=123
            https://www.facebook.com/profile.php
            https://www.youtube.com/watch?v=dQw4w9WgXcQ
            https://www.youtube.com/shorts/abc
            https://www.youtube.com/channel/not-an-id
            https://www.instagram.com/p/C0abcdef/
            https://vm.tiktok.com/ZMabc/
            https://www.linkedin.com/in/alguien
            https://www.whatsapp.com/
            ftp://x.com/inemexico
            https://x.com/ine mexico
            https://x.com/este_usuario_es_demasiado_largo
            https://xx.com/inemexico
            https://x.com.evil.example/inemexico
            not a url at all
            """)
    void shouldRefuseWhatItCannotPlace(String url) {
        assertThatThrownBy(() -> AccountAddressParser.parse(url))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(e -> e.field()).containsExactly("url");
                });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            X                | @INEMexico                    | inemexico
            X                | INEMexico                     | inemexico
            FACEBOOK         | PoderEsTuyo                   | poderestuyo
            YOUTUBE          | @infodfl                      | infodfl
            YOUTUBE          | channel/UCk9Zx3NXh8ZzTFkQ5YbBrnA | channel/UCk9Zx3NXh8ZzTFkQ5YbBrnA
            INSTAGRAM        | ine.mexico_                   | ine.mexico_
            TIKTOK           | @INEMexico                    | inemexico
            LINKEDIN         | ine-mexico                    | ine-mexico
            WHATSAPP_CHANNEL | 0029VaB1cDeFgHiJkLmNoP3q      | 0029VaB1cDeFgHiJkLmNoP3q
            OTHER            | https://www.Ejemplo.mx/ine/   | ejemplo.mx/ine
            """)
    void shouldNormaliseTypedHandles(Network network, String typed, String handle) {
        assertThat(AccountAddressParser.of(network, typed).handle()).isEqualTo(handle);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            X                | ine-mexico
            X                | ine mexico
            INSTAGRAM        | ine/mexico
            TIKTOK           | <script>
            WHATSAPP_CHANNEL | abc-def
            OTHER            | inemexico
            OTHER            | https://x.com/inemexico
            """)
    void shouldRefuseHandlesWithIllegalCharacters(Network network, String typed) {
        assertThatThrownBy(() -> AccountAddressParser.of(network, typed))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.errors()).extracting(e -> e.field()).containsExactly("handle"));
    }
}
