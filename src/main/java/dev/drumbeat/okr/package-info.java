/**
 * OKRs: quarterly objectives and key results linked to KPIs, at-risk and vanity detection, the quarterly review and
 * rollover; adds a section to the digest and lines to Home. Entry: {@code OkrFeature}.
 */
package dev.drumbeat.okr;
