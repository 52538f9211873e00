/**
 * The NETCONF broker: configures VNFs whose management agent is a NETCONF server (RFC 6241 over
 * SSH, RFC 6242), with Yamano's own client ({@link io.yamano.netconf.client.NetconfClient}).
 */
package io.yamano.broker.netconf;
