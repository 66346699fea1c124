package vn.dienbien.tdkt.dossier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.CaseAccess;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Receives award proposals: checks them completely before writing anything, so a malformed
 * proposal leaves nothing behind, then records the dossier and starts its case.
 */
@Service
public class DossierProposals {

    /**
     * The dossier an /api proposal has just recorded, waiting for the case this thread is starting
     * for it. Only {@link #propose} sets it, around the start of that one case; no variable or
     * request can name it.
     */
    private static final ThreadLocal<Long> PROPOSED = new ThreadLocal<>();

    private final CampaignRepository campaigns;
    private final OrgUnitRepository units;
    private final OfficialRepository officials;
    private final AwardRepository awards;
    private final DocumentService documents;
    private final DossierRepository dossiers;
    private final DossierHistory history;
    private final RuntimeService runtimeService;
    private final CaseAccess caseAccess;
    private final ObjectMapper json;
    private final Validator validator;
    private final DossierCases cases;

    DossierProposals(CampaignRepository campaigns, OrgUnitRepository units, OfficialRepository officials,
            AwardRepository awards, DocumentService documents, DossierRepository dossiers, DossierHistory history,
            RuntimeService runtimeService, CaseAccess caseAccess, ObjectMapper json, Validator validator,
            DossierCases cases) {
        this.cases = cases;
        this.campaigns = campaigns;
        this.units = units;
        this.officials = officials;
        this.awards = awards;
        this.documents = documents;
        this.dossiers = dossiers;
        this.history = history;
        this.runtimeService = runtimeService;
        this.caseAccess = caseAccess;
        this.json = json;
        this.validator = validator;
    }

    /**
     * Records the proposal and starts its case at the start event, as a case started from Tasklist:
     * the first step ({@link #registerForCase}) finds the dossier recorded here and links it to the case.
     */
    @Transactional
    public Long propose(Proposal proposal, CurrentUser user) {
        return propose(proposal, user, null, null);
    }

    /**
     * As {@link #propose(Proposal, CurrentUser)}, remembering the client's request id (Idempotency-Key) on the
     * dossier in the same transaction; a twin request that committed first makes this one fail on the unique index.
     */
    @Transactional
    Long propose(Proposal proposal, CurrentUser user, DossierRequestIds requestIds, String requestId) {
        Dossier dossier = create(proposal, user);
        if (requestId != null) {
            requestIds.remember(dossier.getId(), requestId);
        }
        PROPOSED.set(dossier.getId());
        try {
            runtimeService.createProcessInstanceByKey(WorkflowKeys.AWARD_DOSSIER)
                    .businessKey(businessKey(dossier))
                    .execute();
        } finally {
            PROPOSED.remove();
        }
        if (dossier.getProcessInstanceId() == null) {
            throw new IllegalStateException("Dossier " + dossier.getId() + " was not linked to its case.");
        }
        return dossier.getId();
    }

    /** What the start form's case receives once its proposal is recorded. */
    public record RegisteredCase(Long dossierId, String businessKey, Map<String, Object> variables) {
    }

    /**
     * The first step of every dossier's case. A case started by {@link #propose} finds the dossier
     * just recorded for it (its business key names that dossier, still without a case) and is linked
     * to it; a case started from Tasklist's start form has its proposal checked and recorded here.
     * The caller sets the returned variables and business key on the case. A refusal comes back to
     * the form as a Vietnamese message.
     */
    @Transactional
    public RegisteredCase registerForCase(String proposalJson, CurrentUser user, String processInstanceId,
            String caseBusinessKey) {
        Long proposed = PROPOSED.get();
        if (proposed != null) {
            PROPOSED.remove();
            // The case propose() is starting at this moment: the engine has just made its id, so no dossier names
            // it yet and the look-up below is not asked (one statement per dossier, issue 12's twenty-third pass).
            Dossier dossier = dossiers.findById(proposed).orElse(null);
            if (dossier != null && dossier.getProcessInstanceId() == null
                    && businessKey(dossier).equals(caseBusinessKey)) {
                attach(dossier, processInstanceId);
                return new RegisteredCase(dossier.getId(), businessKey(dossier), caseVariables(dossier));
            }
        }
        if (dossiers.idOfCase(processInstanceId).isPresent()) {
            throw ApiException.conflict("Hồ sơ công việc này đã có hồ sơ đề nghị.");
        }
        if (user == null) {
            throw ApiException.forbidden("Vui lòng đăng nhập để lập hồ sơ đề nghị.");
        }
        Proposal proposal;
        try {
            proposal = json.readValue(proposalJson == null ? "{}" : proposalJson, Proposal.class);
        } catch (Exception e) {
            throw ApiException.badRequest("Hồ sơ đề nghị không đọc được: dữ liệu biểu mẫu sai định dạng.");
        }
        Dossier dossier = create(proposal, user);
        attach(dossier, processInstanceId);
        return new RegisteredCase(dossier.getId(), businessKey(dossier), caseVariables(dossier));
    }

    /** What a case's tasks are about, read from its own dossier. */
    record CaseSubject(String nomineeName, String awardName, String proposingUnitName) {
    }

    /** The subject of a case's tasks; empty for a case with no dossier (every step of it refuses). */
    @Transactional(readOnly = true)
    public Optional<CaseSubject> subjectOfCase(String processInstanceId) {
        return cases.dossierOf(processInstanceId).flatMap(dossiers::findById).map(dossier -> new CaseSubject(
                dossier.getNomineeName(),
                awards.findById(dossier.getAwardCode()).map(Award::getName).orElse(""),
                units.findById(dossier.getProposingUnitId()).map(OrgUnit::getName).orElse("")));
    }

    private Map<String, Object> caseVariables(Dossier dossier) {
        OrgUnit proposingUnit = units.findById(dossier.getProposingUnitId()).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put(DossierVariables.DOSSIER_ID, dossier.getId());
        variables.put(DossierVariables.PROPOSING_UNIT_GROUP, proposingUnit.camundaGroup());
        variables.put(DossierVariables.PROPOSING_UNIT_HEADS, CamundaGroups.headsOf(proposingUnit.getCode()));
        variables.put(DossierVariables.PROPOSING_UNIT_NAME, proposingUnit.getName());
        variables.put(DossierVariables.NOMINEE_NAME, dossier.getNomineeName());
        variables.put(DossierVariables.AWARD_NAME, awards.findById(dossier.getAwardCode()).orElseThrow().getName());
        return variables;
    }

    private String businessKey(Dossier dossier) {
        return "HS-" + dossier.getId() + " | " + units.findById(dossier.getProposingUnitId()).orElseThrow().getCode();
    }

    private void attach(Dossier dossier, String processInstanceId) {
        dossier.attachCase(processInstanceId);
        cases.remember(processInstanceId, dossier.getId());
        caseAccess.grantUnitRead(units.findById(dossier.getProposingUnitId()).orElseThrow().camundaGroup(),
                processInstanceId);
    }

    private Dossier create(Proposal proposal, CurrentUser user) {
        List<String> invalid = validator.validate(proposal).stream().map(ConstraintViolation::getMessage)
                .distinct().sorted().toList();
        if (!invalid.isEmpty()) {
            throw ApiException.badRequest("Hồ sơ đề nghị khen thưởng chưa hợp lệ: " + String.join("; ", invalid) + ".");
        }
        List<String> problems = new ArrayList<>();
        Campaign campaign = null;
        if (blank(proposal.campaignCode())) {
            problems.add("thiếu đợt thi đua (campaignCode)");
        } else {
            campaign = campaigns.findByCode(proposal.campaignCode().trim()).orElse(null);
            if (campaign == null) {
                problems.add("không có đợt thi đua \"" + proposal.campaignCode() + "\"");
            }
        }
        if (proposal.year() == null) {
            problems.add("thiếu năm xét khen thưởng (year)");
        } else if (campaign != null && (proposal.year() < campaign.getPeriodStartYear()
                || proposal.year() > campaign.getPeriodEndYear())) {
            problems.add("năm " + proposal.year() + " nằm ngoài giai đoạn " + campaign.getPeriodStartYear() + "–"
                    + campaign.getPeriodEndYear());
        }
        Award award = blank(proposal.awardCode()) ? null : awards.findById(proposal.awardCode().trim()).orElse(null);
        if (award == null) {
            problems.add(blank(proposal.awardCode()) ? "thiếu hình thức khen thưởng (awardCode)"
                    : "không có hình thức khen thưởng \"" + proposal.awardCode() + "\" (FLAG, CERTIFICATE)");
        }
        NomineeKind kind = parseKind(proposal.nomineeKind(), problems);
        if (award != null && kind != null && !award.admits(kind)) {
            problems.add(award.getName() + " không tặng cho " + kind.label() + " (chỉ tặng cho: "
                    + award.admittedKinds().stream().map(NomineeKind::label).collect(Collectors.joining(", ")) + ")");
        }
        OrgUnit proposingUnit = proposingUnit(proposal, user, problems);
        Proposal.Nominee nominee = proposal.nominee();
        OrgUnit nomineeUnit = null;
        EmulationGroup ledGroup = null;
        if (nominee == null) {
            problems.add("thiếu thông tin đối tượng được đề nghị (nominee)");
        } else if (kind != null) {
            switch (kind) {
                case INDIVIDUAL -> {
                    require(nominee.fullName(), "họ và tên cá nhân", problems);
                    require(nominee.gender(), "giới tính", problems);
                    if (nominee.birthYear() == null || nominee.birthYear() < 1930 || nominee.birthYear() > 2010) {
                        problems.add("năm sinh không hợp lệ");
                    }
                    require(nominee.position(), "chức vụ", problems);
                    require(nominee.workUnit(), "đơn vị công tác", problems);
                }
                case COLLECTIVE -> {
                    if (!blank(nominee.unitCode())) {
                        nomineeUnit = units.findByCode(nominee.unitCode().trim()).orElse(null);
                        if (nomineeUnit == null) {
                            problems.add("không có đơn vị mã \"" + nominee.unitCode() + "\"");
                        }
                    } else {
                        require(nominee.collectiveName(), "tên tập thể", problems);
                    }
                    if (nominee.womenSharePercent() != null
                            && (nominee.womenSharePercent() < 0 || nominee.womenSharePercent() > 100)) {
                        problems.add("tỷ lệ nữ phải từ 0 đến 100%");
                    }
                    if (award != null && "FLAG".equals(award.getCode())) {
                        if (nomineeUnit == null && blank(nominee.unitCode())) {
                            problems.add("Cờ thi đua phải nêu mã đơn vị được đề nghị (nominee.unitCode)");
                        }
                        if (blank(nominee.ledGroupCode())) {
                            problems.add("Cờ thi đua phải nêu cụm/khối mà đơn vị dẫn đầu (nominee.ledGroupCode)");
                        } else if (nomineeUnit != null) {
                            ledGroup = nomineeUnit.getEmulationGroup();
                            if (ledGroup == null || !ledGroup.getCode().equals(nominee.ledGroupCode().trim())) {
                                problems.add("đơn vị " + nomineeUnit.getName() + " không thuộc cụm/khối \""
                                        + nominee.ledGroupCode() + "\"");
                                ledGroup = null;
                            }
                        }
                    }
                }
                case HOUSEHOLD -> {
                    require(nominee.householdHead(), "chủ hộ", problems);
                    require(nominee.address(), "địa chỉ hộ gia đình", problems);
                }
            }
        }
        if (blank(proposal.achievementSummary())) {
            problems.add("thiếu tóm tắt thành tích");
        } else if (proposal.achievementSummary().length() > 4000) {
            problems.add("tóm tắt thành tích dài quá 4000 ký tự");
        }
        DocumentService.Attachments attachments = documents.attachments(proposal.documents() == null ? List.of()
                : proposal.documents().values());
        Map<DocumentType, Long> attached = documents(proposal.documents(), attachments, problems);
        if (award != null && kind != null && award.admits(kind)) {
            List<String> missing = award.requiredFor(kind).stream().filter(t -> !attached.containsKey(t))
                    .map(DocumentType::label).toList();
            if (!missing.isEmpty()) {
                problems.add("thiếu thành phần hồ sơ: " + String.join("; ", missing));
            }
        }
        Proposal.Facts facts = proposal.facts() == null ? new Proposal.Facts(List.of(), 0, false, false, false)
                : proposal.facts();
        if (facts.recognisedInitiatives() != null && facts.recognisedInitiatives() < 0) {
            problems.add("số sáng kiến không được âm");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Hồ sơ đề nghị khen thưởng chưa hợp lệ: " + String.join("; ", problems) + ".");
        }
        attachments.requireAttachable(List.copyOf(attached.values()), proposingUnit.getId(), user);

        String nomineeName = switch (kind) {
            case INDIVIDUAL -> nominee.fullName().trim();
            case COLLECTIVE -> nomineeUnit != null ? nomineeUnit.getName() : nominee.collectiveName().trim();
            case HOUSEHOLD -> "Hộ ông/bà " + nominee.householdHead().trim();
        };
        Dossier dossier = new Dossier(campaign.getId(), proposal.year(), award.getCode(), kind, nomineeName,
                nomineeKey(kind, nominee, nomineeUnit, proposingUnit), proposingUnit.getId(),
                proposal.achievementSummary().trim(), user.userId(), WorkflowClock.now());
        switch (kind) {
            case INDIVIDUAL -> dossier.individual(nominee.gender(), nominee.birthYear(), nominee.position(),
                    nominee.workUnit(), nominee.directWorker());
            case COLLECTIVE -> dossier.collective(nominee.parentUnit(), nominee.womenSharePercent(),
                    nomineeUnit == null ? null : nomineeUnit.getId(), ledGroup == null ? null : ledGroup.getId(),
                    nominee.blockVoteYes(), nominee.blockVoteTotal());
            case HOUSEHOLD -> dossier.household(nominee.address(), nominee.directWorker());
        }
        String years = facts.excellentYears() == null ? ""
                : facts.excellentYears().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        dossier.facts(years, facts.recognisedInitiatives() == null ? 0 : facts.recognisedInitiatives(),
                Boolean.TRUE.equals(facts.underDiscipline()), Boolean.TRUE.equals(facts.underInvestigation()),
                Boolean.TRUE.equals(facts.openComplaint()));
        attached.forEach(dossier::attach);
        dossiers.save(dossier);
        history.record(dossier, DossierStatus.AWAITING_HEAD, user.userId(), "Lập hồ sơ đề nghị " + award.getName());
        return dossier;
    }

    private OrgUnit proposingUnit(Proposal proposal, CurrentUser user, List<String> problems) {
        // The proposer's own unit only when the proposal names none.
        String code = !blank(proposal.proposingUnitCode()) ? proposal.proposingUnitCode().trim()
                : officials.findUnitCodeByUsername(user.userId()).orElse(null);
        if (code == null) {
            problems.add("thiếu đơn vị trình (proposingUnitCode)");
            return null;
        }
        OrgUnit unit = units.findByCode(code).orElse(null);
        if (unit == null) {
            problems.add("không có đơn vị trình mã \"" + code + "\"");
            return null;
        }
        boolean ownUnit = user.inGroup(unit.camundaGroup());
        if (!ownUnit && !user.inAnyGroup(List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS))) {
            throw ApiException.forbidden("Anh/Chị chỉ lập hồ sơ đề nghị của đơn vị mình.");
        }
        return unit;
    }

    private static Map<DocumentType, Long> documents(Map<String, Long> given, DocumentService.Attachments found,
            List<String> problems) {
        Map<DocumentType, Long> attached = new EnumMap<>(DocumentType.class);
        if (given == null) {
            return attached;
        }
        given.forEach((type, id) -> {
            DocumentType documentType;
            try {
                documentType = DocumentType.valueOf(type);
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add("loại văn bản \"" + type + "\" không có trong thành phần hồ sơ");
                return;
            }
            if (id == null) {
                problems.add(documentType.label() + ": chưa chọn văn bản");
                return;
            }
            if (!found.exists(id)) {
                problems.add(documentType.label() + ": không tìm thấy văn bản số " + id);
                return;
            }
            attached.put(documentType, id);
        });
        return attached;
    }

    private static NomineeKind parseKind(String value, List<String> problems) {
        if (blank(value)) {
            problems.add("thiếu loại đối tượng (nomineeKind: COLLECTIVE, INDIVIDUAL, HOUSEHOLD)");
            return null;
        }
        try {
            return NomineeKind.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add("loại đối tượng \"" + value + "\" không hợp lệ (COLLECTIVE, INDIVIDUAL, HOUSEHOLD)");
            return null;
        }
    }

    static String nomineeKey(NomineeKind kind, Proposal.Nominee nominee, OrgUnit nomineeUnit, OrgUnit proposingUnit) {
        return switch (kind) {
            case INDIVIDUAL -> "I|" + normalize(nominee.fullName()) + "|" + nominee.birthYear() + "|" + proposingUnit.getCode();
            case COLLECTIVE -> nomineeUnit != null ? "U|" + nomineeUnit.getCode()
                    : "C|" + normalize(nominee.collectiveName()) + "|" + proposingUnit.getCode();
            case HOUSEHOLD -> "H|" + normalize(nominee.householdHead()) + "|" + normalize(nominee.address());
        };
    }

    /**
     * The beginning every individual's key with this name (and birth year, when given) has, as a LIKE pattern with its
     * wildcards escaped by {@code \\}: how a person's award history finds the candidates (nomineeKey above).
     */
    static String individualKeyPattern(String fullName, Integer birthYear) {
        String name = normalize(fullName).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "I|" + name + "|" + (birthYear == null ? "" : birthYear + "|") + "%";
    }

    static String normalize(String s) {
        return Normalizer.normalize(s.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }

    private static void require(String value, String what, List<String> problems) {
        if (blank(value)) {
            problems.add("thiếu " + what);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
