/**
 * Secrets in configuration ({@code yaaa:secret} leaves): sealed with AES-256-GCM when written,
 * returned sealed by every read, opened only by the component that logs in with them.
 */
package io.yamano.datastore.secret;
