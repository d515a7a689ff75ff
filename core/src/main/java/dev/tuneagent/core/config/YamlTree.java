package dev.tuneagent.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into a Jackson tree, expanding anchors and aliases ({@code low: &lo -5} ... {@code low: *lo}) and
 * merge keys ({@code <<: *defaults}). Jackson's own YAML tree reader does not expand them: it returned an alias as
 * the string of its anchor's name, so {@code low: *lo} silently became {@code "lo"}. SnakeYAML composes the
 * document (aliases become shared nodes); this class copies it out, counting values so an alias bomb ("billion
 * laughs") is refused once the expanded document would pass {@link #MAX_VALUES}. Scalars are typed as Jackson
 * typed them (YAML 1.2 style: {@code yes}/{@code no}/{@code off} stay strings, {@code 1e3} is a number);
 * {@code .nan}/{@code .inf} read as the numbers they are (callers decide whether to allow them), and a number too
 * large for a double keeps its decimal value so a message can show it as written. Duplicate keys are refused.
 */
public final class YamlTree {
    /** Far more than any task or config file holds; an alias bomb needs millions. */
    public static final int MAX_VALUES = 100_000;
    private static final int MAX_DEPTH = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+|[-+]?0o[0-7_]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:\\.[0-9][0-9_]*|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

    private int values;

    private YamlTree() {
    }

    /** The document as a tree; null for an empty document. Errors carry their line and column. */
    public static JsonNode read(String text) throws JsonParseException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10_000); // the value count below is the real limit
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new PlainResolver());
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw error(problem, e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark());
        } catch (YAMLException e) {
            throw error(e.getMessage(), null);
        }
        return root == null ? null : new YamlTree().value(root, 0);
    }

    private JsonNode value(Node node, int depth) throws JsonParseException {
        if (++values > MAX_VALUES) {
            throw error("the document expands to more than " + MAX_VALUES + " values (each alias repeats what its anchor"
                    + " holds; an alias bomb?); write the values out instead", node.getStartMark());
        }
        if (depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep (an alias inside its own anchor?)", node.getStartMark());
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode array = NODES.arrayNode();
            for (Node item : seq.getValue()) {
                array.add(value(item, depth + 1));
            }
            return array;
        }
        return mapping((MappingNode) node, depth);
    }

    private ObjectNode mapping(MappingNode node, int depth) throws JsonParseException {
        ObjectNode object = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        for (NodeTuple entry : node.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                throw error("a mapping key must be a plain value, not a list or mapping", entry.getKeyNode().getStartMark());
            }
            String key = keyNode.getValue();
            JsonNode v = value(entry.getValueNode(), depth + 1);
            if (key.equals("<<") && keyNode.isPlain()) {
                merged.add(v);
            } else if (object.replace(key, v) != null) {
                throw error("duplicate key \"" + key + "\"", keyNode.getStartMark());
            }
        }
        for (JsonNode m : merged) {
            List<JsonNode> sources = new ArrayList<>();
            if (m.isArray()) {
                m.forEach(sources::add);
            } else {
                sources.add(m);
            }
            for (JsonNode source : sources) {
                if (!source.isObject()) {
                    throw error("a merge key (<<) needs a mapping or a list of mappings, such as <<: *defaults",
                            node.getStartMark());
                }
                // Keys written in the mapping win over merged ones; an earlier merged mapping wins over a later one.
                source.properties().forEach(e -> {
                    if (!object.has(e.getKey())) {
                        object.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        return object;
    }

    private static JsonNode scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag) && BOOL.matcher(text).matches()) {
            return NODES.booleanNode(text.equalsIgnoreCase("true"));
        }
        if (Tag.INT.equals(tag) && INT.matcher(text).matches()) {
            return integer(text.replace("_", ""));
        }
        if (Tag.FLOAT.equals(tag) && FLOAT.matcher(text).matches()) {
            return decimal(text.replace("_", ""));
        }
        return NODES.textNode(text);
    }

    private static JsonNode integer(String text) {
        boolean negative = text.startsWith("-");
        String digits = text.replaceFirst("^[-+]", "");
        int radix = digits.startsWith("0x") ? 16 : digits.startsWith("0o") ? 8 : 10;
        BigInteger v = new BigInteger(radix == 10 ? digits : digits.substring(2), radix);
        v = negative ? v.negate() : v;
        if (v.bitLength() < 32) {
            return NODES.numberNode(v.intValue());
        }
        return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
    }

    private static JsonNode decimal(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".nan")) {
            return NODES.numberNode(Double.NaN);
        }
        if (lower.endsWith(".inf")) {
            return NODES.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        double d = Double.parseDouble(text);
        return Double.isInfinite(d) ? NODES.numberNode(new BigDecimal(text)) : NODES.numberNode(d);
    }

    private static JsonParseException error(String problem, Mark mark) {
        JsonLocation at = mark == null ? JsonLocation.NA
                : new JsonLocation(ContentReference.unknown(), -1, mark.getLine() + 1, mark.getColumn() + 1);
        return new JsonParseException(null, problem == null ? "unreadable YAML" : problem.strip(), at);
    }

    /** Implicit types as Jackson's YAML reader had them: no YAML 1.1 {@code yes}/{@code on} booleans, no timestamps. */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "tfTF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        }
    }
}
