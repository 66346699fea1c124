package vn.dienbien.tdkt.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Thời hạn lưu trữ: no case's history may be cleaned up before the archive period of award records
 * ({@code tdkt.audit.retention-days}). A diagram deployed with a shorter {@code historyTimeToLive} is
 * kept for the archive period instead, so the engine's night-time cleanup never removes a case early.
 */
@Component
class HistoryRetention extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final int retentionDays;

    HistoryRetention(@Value("${tdkt.audit.retention-days:36525}") int retentionDays) {
        this.retentionDays = retentionDays;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                Integer declared = definition.getHistoryTimeToLive();
                if (declared == null || declared < retentionDays) {
                    log.debug("Process {} keeps its history {} days (declared {}).", definition.getKey(),
                            retentionDays, declared);
                    definition.setHistoryTimeToLive(retentionDays);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    int retentionDays() {
        return retentionDays;
    }
}
