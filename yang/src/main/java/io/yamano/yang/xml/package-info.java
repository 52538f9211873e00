/** Fast XML encoding of YANG data trees for replies that carry whole datastores. */
package io.yamano.yang.xml;
