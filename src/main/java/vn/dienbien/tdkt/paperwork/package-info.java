/**
 * Văn bản hành chính: the documents the office signs, filled from editable DOCX templates in the
 * layout of Decree 30/2020/NĐ-CP.
 */
package vn.dienbien.tdkt.paperwork;
