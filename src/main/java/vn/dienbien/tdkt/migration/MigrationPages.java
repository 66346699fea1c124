package vn.dienbien.tdkt.migration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Trang chuyển phiên bản quy trình (static/migration/) at /migration/, linked from Cockpit's menu. */
@Configuration(proxyBeanMethods = false)
class MigrationPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/migration", "/migration/");
        registry.addViewController("/migration/").setViewName("forward:/migration/index.html");
    }
}
