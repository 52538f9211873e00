/**
 * VNF/NS packages: ETSI SOL004 CSARs (zip with {@code TOSCA-Metadata/TOSCA.meta}, manifest,
 * artifacts, checksums and CMS signatures) and OSM packages ({@code .tar.gz} of a directory with a
 * descriptor, {@code checksums.txt}, {@code cloud_init/}, {@code charms/}, {@code icons/}): reading
 * them safely, verifying checksums and signatures, and keeping their files in the package store.
 */
package io.yamano.onboarding.pkg;
