package hub.cost;

import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The price table under {@code hub.cost.*}: EUR per 1,000 tokens per model, EUR per Smart Search call. */
@Component
public class CostPrices {

    /** Prices of one model in EUR per 1,000 tokens. */
    public record ModelPrice(double promptPer1k, double completionPer1k) {}

    private final ModelPrice defaultPrice;
    private final Map<String, ModelPrice> models;
    private final double search;
    private final double download;

    @Autowired
    public CostPrices(Environment environment,
            @Value("${hub.cost.llm.default.prompt-per-1k:0.0028}") double promptPer1k,
            @Value("${hub.cost.llm.default.completion-per-1k:0.014}") double completionPer1k,
            @Value("${hub.cost.smart-search.search:0.03}") double search,
            @Value("${hub.cost.smart-search.download:0.30}") double download) {
        this(new ModelPrice(promptPer1k, completionPer1k), Binder.get(environment)
                .bind("hub.cost.llm.models", Bindable.mapOf(String.class, ModelPrice.class)).orElse(Map.of()),
                search, download);
    }

    public CostPrices(ModelPrice defaultPrice, Map<String, ModelPrice> models, double search, double download) {
        this.defaultPrice = defaultPrice;
        this.models = Map.copyOf(models);
        this.search = search;
        this.download = download;
    }

    public double llm(String model, long promptTokens, long completionTokens) {
        ModelPrice p = models.getOrDefault(model, defaultPrice);
        return (promptTokens * p.promptPer1k() + completionTokens * p.completionPer1k()) / 1000.0;
    }

    public double searches(long count) {
        return count * search;
    }

    public double downloads(long count) {
        return count * download;
    }
}
