package org.credence.core.bake;

import java.io.InputStream;
import java.io.Reader;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.DTD;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * StAX reading of untrusted SVG. DTDs are not processed and external entities are never resolved,
 * so XXE is impossible; a DOCTYPE is tolerated only without an internal subset (real badges carry
 * the SVG 1.1 public DOCTYPE), so entity declarations and billion laughs are refused before they
 * are read. Stateless and thread-safe.
 */
final class SafeXml {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /**
     * A DOCTYPE with at most a public and system id. Allow-listed rather than looking for {@code
     * [}: the JDK reports a garbled declaration text when the subset holds parameter entities.
     */
    private static final Pattern PLAIN_DOCTYPE =
            Pattern.compile(
                    "<!DOCTYPE\\s+[\\w:.-]+(\\s+(SYSTEM\\s+%1$s|PUBLIC\\s+%1$s\\s+%1$s))?\\s*>"
                            .formatted("(\"[^\"]*\"|'[^']*')"));

    private SafeXml() {}

    static XMLEventReader eventReader(Reader reader) throws XMLStreamException {
        return factory().createXMLEventReader(reader);
    }

    static XMLEventReader eventReader(InputStream stream) throws XMLStreamException {
        return factory().createXMLEventReader(stream);
    }

    /**
     * Returns {@code event}, or throws {@link BakingError#UNSAFE_XML} for DTD subsets and entities.
     */
    static XMLEvent checked(XMLEvent event) {
        if (event instanceof DTD dtd
                && !PLAIN_DOCTYPE.matcher(dtd.getDocumentTypeDeclaration()).matches()) {
            throw new BakingException(
                    BakingError.UNSAFE_XML,
                    "only a DOCTYPE without internal subset is allowed; entity declarations are not");
        }
        if (event.isEntityReference()) {
            throw new BakingException(
                    BakingError.UNSAFE_XML, "entity references are not allowed in a baked SVG");
        }
        return event;
    }

    /** Throws {@link BakingError#NOT_AN_IMAGE} unless {@code root} is an SVG {@code <svg>}. */
    static void requireSvgRoot(StartElement root) {
        String namespace = root.getName().getNamespaceURI();
        if (!root.getName().getLocalPart().equals("svg")
                || !(namespace.equals(SVG_NAMESPACE) || namespace.isEmpty())) {
            throw new BakingException(
                    BakingError.NOT_AN_IMAGE,
                    "the XML root element is " + root.getName() + ", not an SVG <svg>");
        }
    }

    static BakingException malformed(XMLStreamException e) {
        return new BakingException(
                BakingError.MALFORMED_SVG, "the SVG is not well-formed XML: " + e.getMessage(), e);
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation, whatever StAX provider the classpath brings
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
