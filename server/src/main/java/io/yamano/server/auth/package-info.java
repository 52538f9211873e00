/**
 * Login checks around Yamano's local users: throttling of password guessing per user and source,
 * and the optional external authentication SPI.
 */
package io.yamano.server.auth;
