/**
 * Login checks around Yamano's local users: throttling of password guessing per user and source,
 * the optional external authentication SPI, and the mapping of TLS client certificates to users
 * (RFC 7407 cert-to-name).
 */
package io.yamano.server.auth;
