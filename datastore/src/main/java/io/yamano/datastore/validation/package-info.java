/**
 * Commit-time validation beyond what yangtools' data tree enforces, and the translation of every
 * validation failure into Yamano's error model.
 */
package io.yamano.datastore.validation;
