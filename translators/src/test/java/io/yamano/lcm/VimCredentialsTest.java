package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.YangNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * A VIM account's password reaches the driver sealed, opens to the text written, and shows as stars
 * anywhere the account is printed.
 */
class VimCredentialsTest {
  TestStore store;

  @org.junit.jupiter.api.BeforeEach
  void open() throws Exception {
    store = new TestStore();
  }

  @AfterEach
  void close() throws Exception {
    store.datastore.close();
  }

  @Test
  void theDriverGetsASealedPasswordThatOpensOnlyWithTheDatastoresKey() throws Exception {
    store.commit(
        "<config><vim-accounts xmlns=\"urn:yamano:params:xml:ns:yang:yamano-vim\"><vim-account>"
            + "<name>cloud</name><type>openstack</type>"
            + "<endpoint>https://keystone.example:5000/v3</endpoint>"
            + "<credentials><user>admin</user><password>Kx9-clear</password>"
            + "<project>nfv</project></credentials></vim-account></vim-accounts></config>");
    var root =
        store.datastore.snapshot(DatastoreName.RUNNING).readNode(YangInstanceIdentifier.of());
    var names = YangNames.of(TestStore.CONTEXT);

    var account =
        new ConfigReader(names, store.datastore.secrets())
            .vimAccount(root.orElseThrow(), "cloud")
            .orElseThrow();
    var credentials = account.credentials();
    assertEquals("admin", credentials.user());
    assertEquals("nfv", credentials.project());
    assertNull(credentials.token());
    assertEquals("Kx9-clear", credentials.password().reveal());
    assertEquals("https://keystone.example:5000/v3", account.endpoint().toString());
    assertFalse(account.toString().contains("Kx9-clear"), account.toString());
    assertTrue(account.toString().contains("******"), account.toString());

    var keyless = new ConfigReader(names).vimAccount(root.orElseThrow(), "cloud").orElseThrow();
    var e =
        assertThrows(IllegalStateException.class, () -> keyless.credentials().password().reveal());
    assertFalse(e.getMessage().contains("Kx9-clear"));
  }
}
