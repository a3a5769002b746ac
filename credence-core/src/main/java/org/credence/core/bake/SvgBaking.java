package org.credence.core.bake;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.Namespace;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * Open Badges 3.0 SVG baking: {@code xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"} on the
 * root and, as its first child, {@code <openbadges:credential>} holding the JSON in CDATA, or empty
 * with the JWS in its {@code verify} attribute. The SVG is streamed through StAX event by event, so
 * the rest of the document is kept as it was. Extraction also reads Open Badges 2.0 badges (Baking
 * 1.0: {@code <openbadges:assertion>} in {@code http://openbadges.org}) when there is no 3.0
 * credential. Stateless and thread-safe.
 */
final class SvgBaking {

    static final String OPENBADGES_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    static final String OPENBADGES_PREFIX = "openbadges";
    static final QName CREDENTIAL =
            new QName(OPENBADGES_NAMESPACE, "credential", OPENBADGES_PREFIX);

    /** The Open Badges 2.0 (Baking 1.0) namespace and element. */
    static final String OB2_NAMESPACE = "http://openbadges.org";

    static final QName OB2_ASSERTION = new QName(OB2_NAMESPACE, "assertion");

    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

    private SvgBaking() {}

    static String bake(String svg, String credential, CredentialFormat format) {
        StringWriter out = new StringWriter(svg.length() + credential.length() + 128);
        try {
            XMLEventReader reader = SafeXml.eventReader(new StringReader(svg));
            XMLEventWriter writer = XMLOutputFactory.newDefaultFactory().createXMLEventWriter(out);
            copyWithCredential(reader, writer, credential, format);
            writer.close();
        } catch (XMLStreamException e) {
            throw SafeXml.malformed(e);
        }
        return out.toString();
    }

    static BakedCredential extract(byte[] svg) {
        try {
            XMLEventReader reader = SafeXml.eventReader(new ByteArrayInputStream(svg));
            List<String> credentials = new ArrayList<>();
            List<String> assertions = new ArrayList<>();
            boolean rootSeen = false;
            while (reader.hasNext()) {
                XMLEvent event = SafeXml.checked(reader.nextEvent());
                if (!event.isStartElement()) {
                    continue;
                }
                StartElement element = event.asStartElement();
                if (!rootSeen) {
                    SafeXml.requireSvgRoot(element);
                    rootSeen = true;
                } else if (element.getName().equals(CREDENTIAL)) {
                    credentials.add(CredentialElement.read(element, reader));
                } else if (element.getName().equals(OB2_ASSERTION)) {
                    assertions.add(CredentialElement.readAssertion(element, reader));
                }
            }
            return credentials.isEmpty() && !assertions.isEmpty()
                    ? singleAssertion(assertions)
                    : single(credentials);
        } catch (XMLStreamException e) {
            throw SafeXml.malformed(e);
        }
    }

    private static BakedCredential single(List<String> credentials) {
        if (credentials.isEmpty()) {
            throw new BakingException(
                    BakingError.NO_CREDENTIAL, "the SVG has no openbadges:credential element");
        }
        if (credentials.size() > 1) {
            throw new BakingException(
                    BakingError.MULTIPLE_CREDENTIALS,
                    "the SVG has "
                            + credentials.size()
                            + " openbadges:credential elements; one is allowed");
        }
        return new BakedCredential(ImageFormat.SVG, credentials.get(0));
    }

    private static BakedCredential singleAssertion(List<String> assertions) {
        if (assertions.size() > 1) {
            throw new BakingException(
                    BakingError.MULTIPLE_CREDENTIALS,
                    "the SVG has "
                            + assertions.size()
                            + " openbadges:assertion elements; one is allowed");
        }
        return new BakedCredential(ImageFormat.SVG, assertions.get(0), BadgeVersion.OPEN_BADGES_2);
    }

    private static void copyWithCredential(
            XMLEventReader reader,
            XMLEventWriter writer,
            String credential,
            CredentialFormat format)
            throws XMLStreamException {
        int depth = 0;
        int skipping = 0;
        while (reader.hasNext()) {
            XMLEvent event = SafeXml.checked(reader.nextEvent());
            if (skipping > 0) {
                skipping += event.isStartElement() ? 1 : event.isEndElement() ? -1 : 0;
            } else if (event.isStartDocument()) {
                writer.add(EVENTS.createStartDocument("UTF-8", "1.0"));
            } else if (event.isStartElement() && depth == 0) {
                StartElement root = event.asStartElement();
                SafeXml.requireSvgRoot(root);
                writer.add(withOpenBadgesNamespace(root));
                CredentialElement.write(writer, credential, format);
                depth++;
            } else if (event.isStartElement()
                    && event.asStartElement().getName().equals(CREDENTIAL)) {
                skipping = 1;
            } else {
                depth += event.isStartElement() ? 1 : event.isEndElement() ? -1 : 0;
                writer.add(event);
            }
        }
    }

    private static StartElement withOpenBadgesNamespace(StartElement root) {
        List<Namespace> namespaces = new ArrayList<>();
        boolean declared = false;
        for (Iterator<Namespace> it = root.getNamespaces(); it.hasNext(); ) {
            Namespace namespace = it.next();
            if (namespace.getPrefix().equals(OPENBADGES_PREFIX)) {
                if (!namespace.getNamespaceURI().equals(OPENBADGES_NAMESPACE)) {
                    throw new BakingException(
                            BakingError.MALFORMED_SVG,
                            "the prefix openbadges is already bound to "
                                    + namespace.getNamespaceURI());
                }
                declared = true;
            }
            namespaces.add(namespace);
        }
        if (!declared) {
            namespaces.add(EVENTS.createNamespace(OPENBADGES_PREFIX, OPENBADGES_NAMESPACE));
        }
        Iterator<Attribute> attributes = root.getAttributes();
        QName name = root.getName();
        return EVENTS.createStartElement(
                name.getPrefix(),
                name.getNamespaceURI(),
                name.getLocalPart(),
                attributes,
                namespaces.iterator());
    }
}
