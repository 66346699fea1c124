/**
 * Thu hồi, hủy bỏ khen thưởng: when a dossier is found false after its decision, the Board's officer
 * asks for the award to be revoked or annulled (bpmn/award-revocation.bpmn); the head of the Board checks
 * the request and stops it or forwards it; the Chairman decides. An approval issues the annulment decision
 * with its own number (decision/Annulments) and tells the unit. Owns the request records (award_revocation).
 */
package vn.dienbien.tdkt.revocation;
