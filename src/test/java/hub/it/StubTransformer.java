package hub.it;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;

/** A WireMock response transformer of the LLM stub, applied only to the stubs that name it. */
abstract class StubTransformer implements ResponseDefinitionTransformerV2 {

    private final String name;

    StubTransformer(String name) {
        this.name = name;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }
}
