internal import CLibXML2
import Foundation
import TablemendModel

/// The namespaces the DOCX reader tells apart.
enum XMLNamespace: Sendable, Equatable {
  /// WordprocessingML main (transitional or strict).
  case word
  /// Flat-OPC package (`pkg:`).
  case package
  /// OPC relationships (`_rels/.rels`).
  case relationships
  /// Markup compatibility (`mc:AlternateContent`).
  case compatibility
  case other
}

/// An element's namespace and local name, interned once per distinct pair.
struct XMLName: Sendable, Equatable {
  var namespace: XMLNamespace
  var local: String
}

/// What the stream is positioned on.
enum XMLNodeKind: Sendable, Equatable {
  case elementStart
  case elementEnd
  case text
  case other
}

/// A pull reader over one XML part: the only code in tablemend that calls libxml2.
///
/// Uses `xmlReaderForMemory` with network access, entity expansion and DTD loading off. A
/// DOCTYPE is refused, depth is capped, and libxml2's errors come back as `DocxError` with the
/// place `part:line:column`. The bytes must stay valid for the stream's lifetime.
final class XMLStream {
  /// The exact safe option set: no NOENT, DTDLOAD, DTDATTR or HUGE, ever.
  private static let options: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

  private let reader: xmlTextReaderPtr
  private let sink = ErrorSink()
  private let part: String?
  private let maxDepth: Int
  private var locator: ElementLocator?
  private let utf8Bytes: UnsafeBufferPointer<UInt8>?
  private var names: [NameKey: XMLName] = [:]
  private var namespaces: [Int: XMLNamespace] = [:]

  /// The kind of the current node.
  private(set) var kind: XMLNodeKind = .other
  /// The current element's name (start and end nodes).
  private(set) var name = XMLName(namespace: .other, local: "")
  /// True when the current start node is also its own end (`<w:tab/>`).
  private(set) var isEmptyElement = false
  /// Depth of the current node, 0 for the root.
  private(set) var depth = 0
  /// How many element starts have been read so far (the current one included).
  private(set) var elementOrdinal = 0

  /// Opens a stream over `bytes`.
  /// - Parameters:
  ///   - bytes: The part's bytes; they must outlive the stream.
  ///   - part: The part path used in locations and errors (`word/document.xml`), or nil.
  ///   - maxDepth: Deepest element nesting accepted.
  /// - Throws: `DocxError` when the part is too large or libxml2 cannot open it.
  init(bytes: UnsafeRawBufferPointer, part: String?, maxDepth: Int) throws(DocxError) {
    self.part = part
    self.maxDepth = maxDepth
    guard bytes.count < Int(Int32.max) else {
      throw DocxError(place: part, message: "XML part of \(bytes.count) bytes is too large")
    }
    // libxml2 prints I/O and encoding errors to stderr through its global handler; route them
    // to a no-op (the handler is per thread, so set it on every use).
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    tablemend_xml_silence_generic_errors()
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0
    else {
      throw DocxError(place: part, message: "the XML part is empty")
    }
    guard let reader = xmlReaderForMemory(base, Int32(bytes.count), nil, nil, Self.options)
    else {
      throw DocxError(place: part, message: "libxml2 could not open the XML part")
    }
    self.reader = reader
    xmlTextReaderSetStructuredErrorHandler(
      reader,
      { context, error in
        guard let context, let error else { return }
        let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
        sink.record(error.pointee)
      }, Unmanaged.passUnretained(sink).toOpaque())
    let raw = UnsafeBufferPointer(
      start: UnsafeRawPointer(base).assumingMemoryBound(to: UInt8.self),
      count: bytes.count)
    utf8Bytes = ElementLocator.isByteCountable(raw) ? raw : nil
    locator = utf8Bytes.map(ElementLocator.init)
  }

  deinit {
    xmlFreeTextReader(reader)
  }

  /// Moves to the next node.
  /// - Returns: false at the end of the part.
  /// - Throws: `DocxError` on malformed XML, a DOCTYPE, or nesting past the limit.
  func next() throws(DocxError) -> Bool {
    let status = xmlTextReaderRead(reader)
    if let error = sink.error { throw failure(error) }
    if status == 0 { return false }
    if status < 0 {
      throw failure(
        ErrorSink.Recorded(
          message: "malformed XML", line: Int(xmlTextReaderGetParserLineNumber(reader)),
          column: Int(xmlTextReaderGetParserColumnNumber(reader))))
    }
    let type = xmlTextReaderNodeType(reader)
    depth = Int(xmlTextReaderDepth(reader))
    switch UInt32(type) {
    case XML_READER_TYPE_ELEMENT.rawValue:
      kind = .elementStart
      elementOrdinal += 1
      isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
      name = currentName()
      if depth >= maxDepth {
        throw DocxError(
          place: place(of: currentLocation()),
          message: "XML nesting deeper than \(maxDepth) elements (limit maxXMLDepth)")
      }
    case XML_READER_TYPE_END_ELEMENT.rawValue:
      kind = .elementEnd
      isEmptyElement = false
      name = currentName()
    case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
      XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue:
      kind = .text
    case XML_READER_TYPE_DOCUMENT_TYPE.rawValue:
      var location = parserLocation()
      if let bytes = utf8Bytes, let found = ElementLocator.doctype(in: bytes) {
        location = Location(line: found.line, column: found.column, part: part)
      }
      throw DocxError(
        place: place(of: location),
        message: "a DOCTYPE declaration is not allowed in a Word part (refused)")
    default:
      kind = .other
    }
    return true
  }

  /// The current text node's content.
  var text: String {
    guard let value = xmlTextReaderConstValue(reader) else { return "" }
    return String(cString: value)
  }

  /// An attribute of the current element in the element's own namespace (`w:val` on `w:*`).
  func attributeInElementNamespace(_ local: String) -> String? {
    guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return attribute(local) }
    let value = local.withCString { name in
      name.withMemoryRebound(to: xmlChar.self, capacity: local.utf8.count + 1) {
        xmlTextReaderGetAttributeNs(reader, $0, uri)
      }
    }
    guard let value else { return nil }
    defer { tablemend_xml_free(value) }
    return String(cString: value)
  }

  /// An attribute of the current element without a namespace (`Type`, `Target`).
  func attribute(_ local: String) -> String? {
    let value = local.withCString { name in
      name.withMemoryRebound(to: xmlChar.self, capacity: local.utf8.count + 1) {
        xmlTextReaderGetAttribute(reader, $0)
      }
    }
    guard let value else { return nil }
    defer { tablemend_xml_free(value) }
    return String(cString: value)
  }

  /// The current element's location: exact line and column from the part's bytes when it is
  /// UTF-8, else libxml2's node line and parser column.
  func currentLocation() -> Location {
    if kind == .elementStart, var locator {
      let found = locator.locate(elementOrdinal)
      self.locator = locator
      if let found { return Location(line: found.line, column: found.column, part: part) }
    }
    if let node = xmlTextReaderCurrentNode(reader) {
      let line = xmlGetLineNo(node)
      if line > 0 {
        return Location(
          line: line, column: max(1, Int(xmlTextReaderGetParserColumnNumber(reader))), part: part)
      }
    }
    return parserLocation()
  }

  private func parserLocation() -> Location {
    Location(
      line: max(1, Int(xmlTextReaderGetParserLineNumber(reader))),
      column: max(1, Int(xmlTextReaderGetParserColumnNumber(reader))), part: part)
  }

  private func place(of location: Location) -> String { location.description }

  private func failure(_ error: ErrorSink.Recorded) -> DocxError {
    let location = Location(line: max(1, error.line), column: max(1, error.column), part: part)
    return DocxError(place: location.description, message: "malformed XML: \(error.message)")
  }

  private struct NameKey: Hashable {
    var local: Int
    var uri: Int
  }

  private func currentName() -> XMLName {
    // With XML_PARSE_COMPACT names come from the reader's dictionary: the same pointer for
    // the same string, so a pointer pair identifies a name for the reader's lifetime.
    guard let local = xmlTextReaderConstLocalName(reader) else {
      return XMLName(namespace: .other, local: "")
    }
    let uri = xmlTextReaderConstNamespaceUri(reader)
    let key = NameKey(local: Int(bitPattern: local), uri: uri.map { Int(bitPattern: $0) } ?? 0)
    if let known = names[key] { return known }
    let resolved = XMLName(
      namespace: uri.map { XMLStream.namespace(String(cString: $0)) } ?? .other,
      local: String(cString: local))
    names[key] = resolved
    return resolved
  }

  private static func namespace(_ uri: String) -> XMLNamespace {
    switch uri {
    case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "http://purl.oclc.org/ooxml/wordprocessingml/main":
      return .word
    case "http://schemas.microsoft.com/office/2006/xmlPackage": return .package
    case "http://schemas.openxmlformats.org/package/2006/relationships": return .relationships
    case "http://schemas.openxmlformats.org/markup-compatibility/2006": return .compatibility
    default: return .other
    }
  }
}

/// Collects the first error libxml2 reports for one reader.
private final class ErrorSink {
  struct Recorded {
    var message: String
    var line: Int
    var column: Int
  }

  private(set) var error: Recorded?

  func record(_ error: xmlError) {
    guard self.error == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let message =
      error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
      ?? "error \(error.code)"
    self.error = Recorded(message: message, line: Int(error.line), column: Int(error.int2))
  }
}
