package vn.dienbien.tdkt.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the embedded HTML forms of forms/ at /forms/. Tasklist loads an
 * {@code embedded:/forms/...} form key from this URL, so the form survives an administrator
 * deploying only an edited diagram from Camunda Modeler.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/forms/**").addResourceLocations("classpath:/forms/");
    }
}
