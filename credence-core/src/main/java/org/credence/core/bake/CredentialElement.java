package org.credence.core.bake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/** Reads and writes the {@code <openbadges:credential>} element. Stateless and thread-safe. */
final class CredentialElement {

    private static final QName VERIFY = new QName("verify");
    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

    private CredentialElement() {}

    /** The credential of the element {@code start} begins; consumes the reader up to its end. */
    static String read(StartElement start, XMLEventReader reader) throws XMLStreamException {
        String content = bodyText(reader).strip();
        Attribute verify = start.getAttributeByName(VERIFY);
        if (verify != null && !verify.getValue().isBlank()) {
            if (!content.isEmpty()) {
                throw new BakingException(
                        BakingError.MALFORMED_SVG,
                        "openbadges:credential has both a verify attribute and content");
            }
            content = verify.getValue().strip();
        }
        if (content.isEmpty()) {
            throw new BakingException(BakingError.NO_CREDENTIAL, "openbadges:credential is empty");
        }
        checkSize(content);
        return content;
    }

    /** The text of the element just started, up to its end; it must not contain elements. */
    private static String bodyText(XMLEventReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        XMLEvent event = SafeXml.checked(reader.nextEvent());
        while (!event.isEndElement()) {
            if (event.isStartElement()) {
                throw new BakingException(
                        BakingError.MALFORMED_SVG, "a baked credential must not contain elements");
            }
            if (event.isCharacters()) {
                text.append(event.asCharacters().getData());
                checkSize(text);
            }
            event = SafeXml.checked(reader.nextEvent());
        }
        return text.toString();
    }

    /**
     * The Open Badges 2.0 assertion of an {@code <openbadges:assertion>} element: its JSON body
     * (hosted badges also carry the assertion URL in {@code verify}), else the {@code verify}
     * attribute (a JWS, or the URL of a hosted assertion). Consumes the reader up to its end.
     */
    static String readAssertion(StartElement start, XMLEventReader reader)
            throws XMLStreamException {
        String body = bodyText(reader).strip();
        Attribute verify = start.getAttributeByName(VERIFY);
        String content = body.isEmpty() && verify != null ? verify.getValue().strip() : body;
        if (content.isEmpty()) {
            throw new BakingException(BakingError.NO_CREDENTIAL, "openbadges:assertion is empty");
        }
        checkSize(content);
        return content;
    }

    /** Writes the element: JSON in CDATA, a JWS in the {@code verify} attribute. */
    static void write(XMLEventWriter writer, String credential, CredentialFormat format)
            throws XMLStreamException {
        QName name = SvgBaking.CREDENTIAL;
        if (format == CredentialFormat.JWS) {
            List<Attribute> attributes = List.of(EVENTS.createAttribute(VERIFY, credential));
            writer.add(EVENTS.createStartElement(name, attributes.iterator(), null));
        } else {
            writer.add(EVENTS.createStartElement(name, null, null));
            writeCdata(writer, credential);
        }
        writer.add(EVENTS.createEndElement(name, null));
    }

    /** A CDATA section cannot contain {@code ]]>}: split it between two sections. */
    private static void writeCdata(XMLEventWriter writer, String text) throws XMLStreamException {
        int from = 0;
        int end;
        while ((end = text.indexOf("]]>", from)) >= 0) {
            writer.add(EVENTS.createCData(text.substring(from, end + 2)));
            from = end + 2;
        }
        writer.add(EVENTS.createCData(text.substring(from)));
    }

    private static void checkSize(CharSequence text) {
        // chars never outnumber UTF-8 bytes, so the char count is a cheap early bound
        if (text.length() > BadgeBaker.MAX_CREDENTIAL_BYTES
                || (text instanceof String string
                        && string.getBytes(StandardCharsets.UTF_8).length
                                > BadgeBaker.MAX_CREDENTIAL_BYTES)) {
            throw new BakingException(
                    BakingError.TOO_LARGE,
                    "the baked credential is larger than "
                            + BadgeBaker.MAX_CREDENTIAL_BYTES
                            + " bytes");
        }
    }
}
