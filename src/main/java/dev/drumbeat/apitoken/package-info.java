/**
 * API tokens: admins mint and revoke them with `/drumbeat token`; {@code ApiTokenGuard} checks a bearer token in front
 * of the catalog, readings and portfolio APIs. Only SHA-256 hashes are stored. Entry: {@code ApiTokenFeature}.
 */
package dev.drumbeat.apitoken;
