/**
 * The REST broker: configures VNFs through an HTTP API with JSON bodies ({@link
 * java.net.http.HttpClient}), checking status codes and reply content.
 */
package io.yamano.broker.rest;
