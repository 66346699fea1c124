/**
 * Chuyển phiên bản quy trình: administrators move running cases from an older version of a process
 * to the newest one with the engine's migration API (Cockpit's migration screen is Enterprise-only):
 * the plan (steps matched by id, steps the administrator maps by hand, steps left unmapped), a dry
 * run that writes nothing, the migration itself in one transaction, and its record, which the audit
 * module tells in each moved case's timeline.
 */
package vn.dienbien.tdkt.migration;
