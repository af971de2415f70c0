package hub.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console, {@code static/index.html}, is served at {@code /} (Spring's welcome page) and at
 * {@code /taskpane}, the address the Word add-in's manifest points at (docs/word-addin.md). {@code /favicon.ico},
 * which browsers ask for whatever the page links, answers the add-in's 32 px icon.
 */
@Configuration(proxyBeanMethods = false)
public class ConsolePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/taskpane").setViewName("forward:/index.html");
        registry.addViewController("/favicon.ico").setViewName("forward:/assets/icon-32.png");
    }
}
