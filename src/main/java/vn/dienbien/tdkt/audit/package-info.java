/**
 * Kiểm tra, giám sát: auditors, inspectors and the Fatherland Front find any case, read its whole
 * story (the engine's history merged with our records) on its diagram, export it, and see whether
 * anything was altered. A read model: it reads the other modules' tables and the engine's history
 * tables by SQL and never writes them; it owns the ledger of sealed fingerprints and the Front's
 * comments.
 */
package vn.dienbien.tdkt.audit;
