/** Event notifications (RFC 5277): the server's event bus and its persisted replay log. */
package io.yamano.netconf.notification;
