package org.credence.app.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.credence.app.AppException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Decides whether an uploaded SVG is a plain picture. It is refused, not rewritten, when it could
 * run code or reach out when opened on its own (a badge image is also served and downloaded, where
 * an {@code <img>} element's protection does not apply): scripts, {@code foreignObject} and other
 * embedding elements, event handler attributes, links or styles pointing outside the document,
 * animations that set links or handlers, DOCTYPEs (entity expansion) and processing instructions.
 * Stateless and thread-safe.
 */
final class SvgCheck {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private static final Set<String> FORBIDDEN_ELEMENTS =
            Set.of(
                    "script",
                    "foreignobject",
                    "iframe",
                    "embed",
                    "object",
                    "audio",
                    "video",
                    "handler",
                    "listener",
                    "base");
    private static final Set<String> ANIMATIONS =
            Set.of("set", "animate", "animatetransform", "animatemotion");

    private SvgCheck() {}

    /** Throws {@link org.credence.app.Problem#INVALID_INPUT} naming {@code field} when unsafe. */
    static void requireSafe(String field, byte[] svg) {
        Document document = parse(field, svg);
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            throw AppException.invalid(field + ": not an SVG image (the root must be <svg>)");
        }
        check(field, document);
    }

    private static void check(String field, Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    checkElement(field, (Element) child);
                    check(field, child);
                }
                case Node.PROCESSING_INSTRUCTION_NODE ->
                        throw refused(field, "processing instructions are not allowed");
                case Node.ENTITY_REFERENCE_NODE ->
                        throw refused(field, "entity references are not allowed");
                default -> {
                    // text, comments and CDATA are harmless here; styles are checked with their
                    // element
                }
            }
        }
    }

    private static void checkElement(String field, Element element) {
        String name =
                lower(
                        element.getLocalName() == null
                                ? element.getTagName()
                                : element.getLocalName());
        if (FORBIDDEN_ELEMENTS.contains(name)) {
            throw refused(field, "<" + element.getTagName() + "> is not allowed");
        }
        if (name.equals("style")) {
            checkStyle(field, element.getTextContent());
        }
        if (ANIMATIONS.contains(name)) {
            String target = lower(element.getAttribute("attributeName"));
            if (target.startsWith("on") || target.endsWith("href")) {
                throw refused(field, "animations may not change " + target);
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(field, (Attr) attributes.item(i));
        }
    }

    private static void checkAttribute(String field, Attr attribute) {
        String name =
                lower(
                        attribute.getLocalName() == null
                                ? attribute.getName()
                                : attribute.getLocalName());
        String value = attribute.getValue().strip();
        if (name.startsWith("on")) {
            throw refused(
                    field, "event handler attribute " + attribute.getName() + " is not allowed");
        }
        if (name.equals("href") && !value.startsWith("#")) {
            throw refused(
                    field, "links outside the image are not allowed (" + attribute.getName() + ")");
        }
        if (name.equals("style")) {
            checkStyle(field, value);
        }
        String lowered = lower(value);
        if (lowered.contains("javascript:") || (lowered.contains("url(") && !localUrls(lowered))) {
            throw refused(field, "external reference in " + attribute.getName());
        }
    }

    private static void checkStyle(String field, String css) {
        String lowered = lower(css);
        if (lowered.contains("@import") || lowered.contains("javascript:") || !localUrls(lowered)) {
            throw refused(field, "styles may only refer to the image itself");
        }
    }

    /** Whether every {@code url(…)} points inside the document ({@code url(#id)}). */
    private static boolean localUrls(String lowered) {
        int at = lowered.indexOf("url(");
        while (at >= 0) {
            String rest = lowered.substring(at + 4).stripLeading();
            if (rest.startsWith("'") || rest.startsWith("\"")) {
                rest = rest.substring(1);
            }
            if (!rest.startsWith("#")) {
                return false;
            }
            at = lowered.indexOf("url(", at + 4);
        }
        return true;
    }

    private static Document parse(String field, byte[] svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new QuietErrors());
            return builder.parse(new ByteArrayInputStream(svg));
        } catch (SAXException e) {
            throw AppException.invalid(
                    field + ": not a well-formed SVG image (DOCTYPEs are not allowed)");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a safety feature", e);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory XML cannot fail to read", e);
        }
    }

    /** Fails on errors without printing them (the parser's default prints to stderr). */
    private static final class QuietErrors implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static AppException refused(String field, String why) {
        return AppException.invalid(field + ": the SVG image is refused: " + why);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
