/**
 * Kiểm tra sơ đồ: the rules every deployed diagram must pass (beans, listeners, forms, decisions, groups,
 * history time to live, timers) and the engine plugin that refuses a deployment breaking them, from
 * Camunda Modeler, Cockpit or the application's own start-up alike.
 */
package vn.dienbien.tdkt.modelling;
