/**
 * Event notifications (<a href="https://www.rfc-editor.org/rfc/rfc5277">RFC 5277</a>): the server's
 * event bus and its persisted replay log, the subscription filter, and the base notifications of <a
 * href="https://www.rfc-editor.org/rfc/rfc6470">RFC 6470</a> (ietf-netconf-notifications).
 */
package io.yamano.netconf.notification;
