package vn.dienbien.tdkt.platform;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every job the engine creates for a step with a retry cycle ({@code ${dossierAppraisalRetryCycle}}, R3/PT5M)
 * parses that cycle again, and each parse looks up a {@link DatatypeFactory} ({@code DatatypeFactory.newInstance()}
 * in Camunda's DurationHelper): without the system property {@value #PROPERTY} that lookup scans the class path
 * for a service provider every time (0.7% of the benchmark's worker threads, issue 12). The property is set, at
 * start, to the implementation the lookup finds, so every later lookup goes straight to it; nothing changes in
 * what is parsed. A property given on the command line is left as it is.
 */
@Component
class DurationParsingPlugin extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "javax.xml.datatype.DatatypeFactory";

    private static final Logger log = LoggerFactory.getLogger(DurationParsingPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            System.setProperty(PROPERTY, DatatypeFactory.newInstance().getClass().getName());
        } catch (DatatypeConfigurationException | RuntimeException e) {
            log.warn("Không xác định được DatatypeFactory; chu kỳ thử lại được phân tích như mặc định.", e);
        }
    }
}
