package vn.dienbien.tdkt.document;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * A file over the limit (spring.servlet.multipart.max-file-size) gets 413 with a Vietnamese JSON
 * body, which the browser can read. Two things stand in the way by default:
 * <ul>
 * <li>Spring reads the parts before it knows the controller, so the refusal never reaches our
 * exception handler and goes out as an empty 413. Resolved lazily, the parts are read when
 * {@link DocumentController} asks for the file, and the handler answers.</li>
 * <li>Tomcat, having refused an upload, stops reading it and closes the connection while the
 * browser is still sending, which the browser sees as a reset instead of the answer. Tomcat is
 * told to read refused uploads to their end, up to {@link #SWALLOWED_AT_MOST}; beyond that it
 * still closes the connection.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    static final DataSize SWALLOWED_AT_MOST = DataSize.ofMegabytes(100);

    /** Named as the DispatcherServlet looks it up; replaces Spring Boot's eager resolver. */
    @Bean
    StandardServletMultipartResolver multipartResolver() {
        var resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> readRefusedUploadsToTheEnd() {
        return factory -> {
            factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setMaxSwallowSize((int) SWALLOWED_AT_MOST.toBytes());
                }
            });
        };
    }
}
