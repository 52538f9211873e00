package io.yamano.onboarding;

import io.yamano.onboarding.mapping.DeviationLog;
import io.yamano.onboarding.mapping.MappedDocument;
import io.yamano.onboarding.mapping.OsmImConverter;
import io.yamano.onboarding.mapping.SchemaMapper;
import io.yamano.onboarding.mapping.Sol006;
import io.yamano.onboarding.mapping.ToscaConverter;
import io.yamano.onboarding.source.DocumentSyntaxException;
import io.yamano.onboarding.source.SourceNode;
import io.yamano.onboarding.source.XmlDocuments;
import io.yamano.onboarding.source.YamlDocuments;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack.Inference;

/**
 * Reads one descriptor document in any supported {@link DescriptorFormat} and maps it into Yamano's
 * SOL006 model. Pure: it touches no datastore; {@link DescriptorOnboarding} validates and stores.
 */
public final class DescriptorImporter {
  private static final Set<String> KINDS = Set.of("vnfd", "nsd", "pnfd");

  private final EffectiveModelContext context;

  public DescriptorImporter(EffectiveModelContext context) {
    this.context = context;
  }

  /**
   * @param source the file name, for the report
   * @param packageFiles the other files of the same package by path (TOSCA imports are read from
   *     them), empty for a lone descriptor
   */
  public ImportResult read(
      byte[] content, String source, Mode mode, Map<String, byte[]> packageFiles) {
    var log = new DeviationLog(mode);
    SourceNode root;
    boolean xml = firstChar(content) == '<';
    try {
      root = xml ? XmlDocuments.read(content) : YamlDocuments.read(content);
    } catch (DocumentSyntaxException e) {
      log.refuse("/", "", e.getMessage());
      return result(source, DescriptorFormat.UNKNOWN, log, List.of(), Optional.empty());
    }
    DescriptorFormat format;
    List<SourceNode> descriptors = new ArrayList<>();
    if (xml) {
      format = DescriptorFormat.SOL006_XML;
      descriptors = sol006Roots(root, log);
    } else if (root.child("tosca_definitions_version").isPresent()) {
      format = DescriptorFormat.SOL001_TOSCA;
      descriptors = new ToscaConverter(log, source, packageFiles).convert(root);
    } else if (root.child("vnfd-catalog").isPresent() || root.child("nsd-catalog").isPresent()) {
      format = DescriptorFormat.OSM_IM_YAML;
      descriptors = new OsmImConverter(log).convert(root);
    } else if (root.children().stream().anyMatch(c -> Sol006.ownModules().contains(c.module()))) {
      format = DescriptorFormat.SOL006_JSON;
      descriptors = sol006Roots(root, log);
    } else {
      format = DescriptorFormat.OSM_SOL006_YAML;
      descriptors = osmRoots(root, log);
    }
    if (descriptors.isEmpty()) {
      if (!log.refused()) {
        log.refuse("/", "", "no vnfd, nsd or pnfd found in the document");
      }
      return result(source, format, log, List.of(), Optional.empty());
    }
    var mapper = new SchemaMapper(context, log, !xml, Sol006.ownModules());
    MappedDocument mapped = mapper.map(descriptors);
    Optional<ContainerNode> data = Optional.empty();
    try {
      data = Optional.of(parse(mapped.xml()));
    } catch (Exception e) {
      log.refuse("/nfv", "", "the mapped document does not fit Yamano's model: " + e.getMessage());
    }
    return result(source, format, log, mapped.descriptors(), data);
  }

  private static ImportResult result(
      String source,
      DescriptorFormat format,
      DeviationLog log,
      List<MappedDocument.DescriptorId> ids,
      Optional<ContainerNode> data) {
    return new ImportResult(source, format, ids, log.deviations(), data);
  }

  private static int firstChar(byte[] content) {
    int i = 0;
    // A UTF-8 byte order mark.
    if (content.length >= 3 && (content[0] & 0xff) == 0xef) {
      i = 3;
    }
    for (; i < content.length; i++) {
      if (!Character.isWhitespace(content[i])) {
        return content[i];
      }
    }
    return -1;
  }

  /** {@code nfv} holding descriptors, or a lone {@code vnfd}/{@code nsd}/{@code pnfd}. */
  private static List<SourceNode> sol006Roots(SourceNode root, DeviationLog log) {
    var out = new ArrayList<SourceNode>();
    for (var top : root.children()) {
      if (!Sol006.ownModules().contains(top.module())) {
        log.refuse(
            "/" + top.name(),
            "",
            "not a SOL006 document: unknown namespace or module \"" + top.module() + "\"");
      } else if (top.name().equals("nfv")) {
        for (var child : top.children()) {
          if (KINDS.contains(child.name())) {
            out.add(child);
          } else {
            log.refuse("/nfv/" + child.name(), child.render(), "not a descriptor list of nfv");
          }
        }
      } else if (KINDS.contains(top.name())
          && top.child("id").isEmpty()
          && top.children().stream().anyMatch(c -> KINDS.contains(c.name()))) {
        // ETSI's v2.6.1 example data wraps a catalogue in the single-descriptor root.
        log.add(
            "/" + top.name(),
            DeviationKind.MAPPED,
            top.name() + " holding descriptors",
            "nfv",
            "the root " + top.name() + " holds a catalogue, not one descriptor; read as nfv");
        for (var child : top.children()) {
          if (KINDS.contains(child.name())) {
            out.add(child);
          } else {
            log.refuse("/" + top.name() + "/" + child.name(), child.render(), "not a descriptor");
          }
        }
      } else if (KINDS.contains(top.name())) {
        out.add(top);
      } else {
        log.refuse(
            "/" + top.name(), "", "not a SOL006 descriptor: expected nfv, vnfd, nsd or pnfd");
      }
    }
    return out;
  }

  /** OSM writes {@code vnfd: {...}}, {@code nsd: {nsd: [...]}} or {@code nfv: {...}}. */
  private static List<SourceNode> osmRoots(SourceNode root, DeviationLog log) {
    var out = new ArrayList<SourceNode>();
    for (var top : root.children()) {
      if (top.name().equals("nfv")) {
        top.children().stream().filter(c -> KINDS.contains(c.name())).forEach(out::add);
      } else if (KINDS.contains(top.name())) {
        var nested = top.all(top.name());
        if (!nested.isEmpty() && top.child("id").isEmpty()) {
          out.addAll(nested);
        } else {
          out.add(top);
        }
      } else {
        log.refuse("/" + top.name(), "", "not a descriptor: expected vnfd, nsd, pnfd or nfv");
      }
    }
    return out;
  }

  private ContainerNode parse(String xml) throws Exception {
    var factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    var reader = factory.createXMLStreamReader(new StringReader(xml));
    var holder = new NormalizationResultHolder();
    var top = QName.create(Sol006.NFV_MODULE, "nfv");
    try (var parser =
        XmlParserStream.create(
            ImmutableNormalizedNodeStreamWriter.from(holder),
            Inference.ofDataTreePath(context, top),
            true)) {
      parser.parse(reader);
    }
    return (ContainerNode) holder.getResult().data();
  }
}
