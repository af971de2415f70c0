package hub.vale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValeIniTest {

    @Test
    void readsStylesSwitchesAndLevels() {
        ValeIni ini = ValeIni.parse("""
                StylesPath = ../styles
                MinAlertLevel = warning

                [*.{md,rst}]
                BasedOnStyles = Microsoft, write-good
                Microsoft.Passive = NO
                # comment
                write-good.E-Prime = YES

                [*.txt]
                Joblint.Bro = YES
                """);
        assertThat(ini.stylesPath()).isEqualTo("../styles");
        assertThat(ini.minAlertLevel()).isEqualTo(ValeLevel.WARNING);
        assertThat(ini.basedOnStyles("a.md")).containsExactly("Microsoft", "write-good");
        assertThat(ini.basedOnStyles("a.txt")).isEmpty();
        assertThat(ini.switches("b.rst")).isEqualTo(Map.of("Microsoft.Passive", false, "write-good.E-Prime", true));
        assertThat(ini.allStyles()).containsExactly("Microsoft", "write-good", "Joblint");
    }
}
