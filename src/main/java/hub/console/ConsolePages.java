package hub.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console, {@code static/index.html}, is served at {@code /} (Spring's welcome page) and at
 * {@code /taskpane}, the address the Word add-in's manifest points at (docs/word-addin.md).
 */
@Configuration(proxyBeanMethods = false)
public class ConsolePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/taskpane").setViewName("forward:/index.html");
    }
}
