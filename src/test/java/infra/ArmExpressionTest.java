package infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArmExpressionTest {

    @Test
    void parsesCallsStringsPropertiesAndIndexers() {
        ArmExpression.Node n = ArmExpression.parseTemplateString(
                "[reference(resourceId('Microsoft.Web/sites', variables('names')[copyIndex()]), '2022-03-01').properties.hostNames[0]]");
        assertThat(n).isInstanceOf(ArmExpression.Index.class);
        assertThat(ArmExpression.functionNames(n)).containsExactly("reference", "resourceid", "variables", "copyindex");
        assertThat(ArmExpression.literalArguments(n, "variables")).containsExactly("names");
        assertThat(ArmExpression.problems(n)).isEmpty();
    }

    @Test
    void doubledQuoteIsAnEscapedQuote() {
        ArmExpression.Node n = ArmExpression.parseTemplateString("[concat('it''s', ' ok')]");
        ArmExpression.Call c = (ArmExpression.Call) n;
        assertThat(((ArmExpression.Str) c.args().get(0)).value()).isEqualTo("it's");
    }

    @Test
    void escapedLeadingBracketIsALiteral() {
        assertThat(ArmExpression.isExpression("[[not an expression]")).isFalse();
        assertThat(ArmExpression.isExpression("plain")).isFalse();
        assertThat(ArmExpression.isExpression("[parameters('a')]")).isTrue();
    }

    @Test
    void negativeNumbersAndNamespacedUserFunctions() {
        assertThat(ArmExpression.problems(ArmExpression.parse("add(-1, 2)"))).isEmpty();
        ArmExpression.Node n = ArmExpression.parse("contoso.uniqueName('a')");
        assertThat(((ArmExpression.Call) n).name()).isEqualTo("contoso.uniqueName");
    }

    @Test
    void unbalancedExpressionsAreRejected() {
        assertThatThrownBy(() -> ArmExpression.parse("concat('a', 'b'")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> ArmExpression.parse("concat('a)")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> ArmExpression.parse("variables('a')[0")).hasMessageContaining("expected ']'");
        assertThatThrownBy(() -> ArmExpression.parse("concat('a'))")).hasMessageContaining("unexpected ')'");
        assertThatThrownBy(() -> ArmExpression.parse("parameters")).hasMessageContaining("not followed by '('");
        assertThatThrownBy(() -> ArmExpression.parse("concat('a',)")).hasMessageContaining("unexpected ')'");
    }

    @Test
    void unknownFunctionsAndWrongArityAreReported() {
        assertThat(ArmExpression.problems(ArmExpression.parse("resourceIdd('a', 'b')")))
                .containsExactly("unknown function resourceIdd()");
        assertThat(ArmExpression.problems(ArmExpression.parse("if(true(), 'a')")))
                .containsExactly("if() takes 3 arguments, got 2");
        assertThat(ArmExpression.problems(ArmExpression.parse("resourceGroup('x')")))
                .containsExactly("resourceGroup() takes 0 arguments, got 1");
        assertThat(ArmExpression.problems(ArmExpression.parse("createObject('a')")))
                .containsExactly("createObject() needs key/value pairs, got 1 arguments");
        assertThat(ArmExpression.problems(ArmExpression.parse("listKeys(resourceId('a/b', 'c'), '2023-01-01')"))).isEmpty();
        assertThat(ArmExpression.problems(ArmExpression.parse("parameters(concat('a', 'b'))")))
                .containsExactly("parameters() with a computed name cannot be checked");
    }
}
