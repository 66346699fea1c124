/**
 * Vận hành: what operators see without reading logs — the health of the database, the job executor and
 * the mail server ({@code /actuator/health}) and the workflow's figures in Prometheus format
 * ({@code /actuator/prometheus}: tasks open and overdue per group, failing jobs, incidents). README: Vận hành.
 */
package vn.dienbien.tdkt.operations;
