package hub.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextHashTest {

    @Test
    void sha256HexIsTheLowerCaseHexDigestOfTheUtf8Bytes() {
        assertThat(TextHash.sha256Hex(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(TextHash.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TextHash.sha256Hex("ä")).isEqualTo(TextHash.sha256Hex("\u00e4")).hasSize(64);
    }
}
