/**
 * The audit log: who changed what, when, before and after, written in the same transaction as the change.
 * Infrastructure: imports only the kernel.
 */
package dev.drumbeat.audit;
