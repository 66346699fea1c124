package vn.dienbien.tdkt.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Trang tra cứu, kiểm tra hồ sơ: the audit pages (static/audit/) answer at /audit/, the address the
 * Cockpit menu and the Welcome page link to. The pages read /api/audit with the webapps' session.
 */
@Configuration(proxyBeanMethods = false)
class AuditPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/audit", "/audit/");
        registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
    }
}
