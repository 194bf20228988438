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

/// An element's namespace and local name.
struct XMLName: Sendable, Equatable {
  var namespace: XMLNamespace
  var local: XMLLocalName
}

/// What the stream's current event is.
package enum XMLNodeKind: Sendable, Equatable {
  case elementStart
  /// Every element has one, `<w:tab/>` too.
  case elementEnd
  case text
}

/// An event reader over one XML part: the only code in tablemend that calls libxml2's XML
/// parser.
///
/// It drives libxml2's SAX2 interface (no tree, no reader nodes) with network access, entity
/// substitution and DTD loading off. A DOCTYPE is refused as soon as it starts (before its
/// internal subset is read), depth is capped, and libxml2's errors come back as `DocxError`
/// with the place `part:line:column`. The bytes must stay valid for the stream's lifetime.
package final class XMLStream {
  /// The exact safe option set: no NOENT, DTDLOAD, DTDATTR or HUGE, ever.
  private static let options: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

  private let bytes: UnsafeRawBufferPointer
  private let part: String?
  private let maxDepth: Int
  private var locator: ElementLocator?
  private let utf8Bytes: UnsafeBufferPointer<UInt8>?

  private var context: xmlParserCtxtPtr?
  private var handler: ((XMLStream) throws(DocxError) -> Void)?
  /// The handler's own error, or a refusal (DOCTYPE, depth).
  private var failure: DocxError?
  /// libxml2's first error.
  private var recorded: RecordedError?
  /// True once the handler asked to stop.
  private var stopped = false
  private var openElements = 0
  private let names = NameCache()
  private var lastNamespaceKey = -1
  private var lastNamespace = XMLNamespace.other

  /// The kind of the current event.
  package private(set) var kind: XMLNodeKind = .text
  /// The current element's name (start and end events).
  private(set) var name = XMLName(namespace: .other, local: .other)
  /// Depth of the current element (start and end events), 0 for the root.
  package private(set) var depth = 0
  /// How many element starts have been seen so far (the current one included).
  private(set) var elementOrdinal = 0
  /// The current text event's UTF-8 bytes (a text node may come in several events).
  private(set) var textBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  private var localPointer: UnsafePointer<xmlChar>?
  private var namespacePointer: UnsafePointer<xmlChar>?
  private var attributeCount = 0
  private var attributeTable: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

  /// Prepares a stream over `bytes`.
  /// - Parameters:
  ///   - bytes: The part's bytes; they must outlive the stream.
  ///   - part: The part path used in locations and errors (`word/document.xml`), or nil.
  ///   - maxDepth: Deepest element nesting accepted.
  /// - Throws: `DocxError` when the part is empty or too large.
  package init(bytes: UnsafeRawBufferPointer, part: String?, maxDepth: Int) throws(DocxError) {
    self.part = part
    self.maxDepth = maxDepth
    guard bytes.count < Int(Int32.max) else {
      throw DocxError(place: part, message: "XML part of \(bytes.count) bytes is too large")
    }
    guard let base = bytes.baseAddress, bytes.count > 0 else {
      throw DocxError(place: part, message: "the XML part is empty")
    }
    self.bytes = bytes
    let raw = UnsafeBufferPointer(
      start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    utf8Bytes = ElementLocator.isByteCountable(raw) ? raw : nil
    locator = utf8Bytes.map(ElementLocator.init)
  }

  /// Prepares a stream fed its part in pieces (`parse(pieces:_:)`) instead of over whole
  /// bytes: nothing of the part is kept, and places in errors are libxml2's line and column.
  /// - Parameters:
  ///   - part: The part path used in locations and errors, or nil.
  ///   - maxDepth: Deepest element nesting accepted.
  package init(part: String?, maxDepth: Int) {
    self.part = part
    self.maxDepth = maxDepth
    bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    utf8Bytes = nil
    locator = nil
  }

  /// `parse(_:)` over a part handed over in pieces (a stream made with `init(part:maxDepth:)`):
  /// `produce` calls its argument with each piece in order; that returns false once the parse
  /// has ended (the handler failed or stopped, or the XML is malformed), and `produce` should
  /// then stop. The same libxml2 parser and options read the pieces as one document.
  /// - Throws: what `body` or `produce` throws, or `DocxError` as `parse(_:)` does.
  package func parse(
    pieces produce: ((UnsafeRawBufferPointer) -> Bool) throws(DocxError) -> Void,
    _ body: (XMLStream) throws(DocxError) -> Void
  ) throws(DocxError) {
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    tablemend_xml_silence_generic_errors()
    guard let ctxt = xmlCreatePushParserCtxt(nil, nil, nil, 0, nil), let sax = ctxt.pointee.sax
    else {
      throw DocxError(place: part, message: "libxml2 could not open the XML part")
    }
    defer { xmlFreeParserCtxt(ctxt) }
    sax.pointee = Self.callbacks()
    ctxt.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
    _ = xmlCtxtUseOptions(ctxt, Self.options)
    ctxt.pointee.replaceEntities = 0
    ctxt.pointee.loadsubset = 0
    ctxt.pointee.validate = 0
    context = ctxt
    var produced: DocxError?
    var sawBytes = false
    withoutActuallyEscaping(body) { escapable in
      handler = escapable
      do throws(DocxError) {
        try produce { piece in
          guard self.failure == nil, !self.stopped, self.recorded == nil else { return false }
          guard let base = piece.baseAddress, !piece.isEmpty else { return true }
          sawBytes = true
          var offset = 0
          while offset < piece.count, self.failure == nil, !self.stopped, self.recorded == nil {
            let take = min(piece.count - offset, 1 << 20)
            _ = xmlParseChunk(
              ctxt, (base + offset).assumingMemoryBound(to: CChar.self), Int32(take), 0)
            offset += take
          }
          return self.failure == nil && !self.stopped && self.recorded == nil
        }
      } catch {
        produced = error
      }
      if produced == nil, failure == nil, !stopped, recorded == nil {
        _ = xmlParseChunk(ctxt, nil, 0, 1)
      }
      handler = nil
    }
    context = nil
    if let failure { throw failure }
    if stopped { return }
    if let produced { throw produced }
    if !sawBytes { throw DocxError(place: part, message: "the XML part is empty") }
    if let recorded { throw malformed(recorded) }
    if ctxt.pointee.wellFormed == 0 {
      throw malformed(RecordedError(message: "malformed XML", location: parserLocation(ctxt)))
    }
  }

  /// Parses the part, calling `body` for each event; the stream's properties describe the
  /// event during the call. `body` may call `stop()` to end the parse early.
  /// - Throws: what `body` throws, or `DocxError` on malformed XML, a DOCTYPE, or nesting past
  ///   the limit.
  package func parse(_ body: (XMLStream) throws(DocxError) -> Void) throws(DocxError) {
    // libxml2 prints I/O and encoding errors to stderr through its global handlers; route them
    // to no-ops (the handlers are per thread, so set them on every use).
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    tablemend_xml_silence_generic_errors()
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
      let ctxt = xmlCreateMemoryParserCtxt(base, Int32(bytes.count)), let sax = ctxt.pointee.sax
    else {
      throw DocxError(place: part, message: "libxml2 could not open the XML part")
    }
    defer { xmlFreeParserCtxt(ctxt) }
    sax.pointee = Self.callbacks()
    ctxt.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
    _ = xmlCtxtUseOptions(ctxt, Self.options)
    // Whatever a process-wide default says: no entity substitution, DTD loading or validation.
    ctxt.pointee.replaceEntities = 0
    ctxt.pointee.loadsubset = 0
    ctxt.pointee.validate = 0
    context = ctxt
    withoutActuallyEscaping(body) { escapable in
      handler = escapable
      _ = xmlParseDocument(ctxt)
      handler = nil
    }
    context = nil
    if let failure { throw failure }
    if stopped { return }
    if let recorded { throw malformed(recorded) }
    if ctxt.pointee.wellFormed == 0 {
      throw malformed(RecordedError(message: "malformed XML", location: parserLocation(ctxt)))
    }
  }

  /// Ends the parse after the current event; `parse` then returns normally.
  package func stop() {
    stopped = true
    if let context { xmlStopParser(context) }
  }

  /// The current text event's content.
  package var text: String { String(decoding: textBytes, as: UTF8.self) }

  /// The current element's local name as one of the names the readers act on, without
  /// building a `String` (start and end events; `other` for the rest).
  package var local: XMLLocalName { name.local }

  /// The current element's local name as written (start and end events).
  package var localName: String { localPointer.map { String(cString: $0) } ?? "" }

  /// An attribute of the current element start in the element's own namespace (`w:val` on
  /// `w:*`), or without a namespace when the element has none.
  package func attributeInElementNamespace(_ local: StaticString) -> String? {
    attribute(local, namespace: namespacePointer)
  }

  /// An attribute of the current element start without a namespace (`Type`, `Target`).
  package func attribute(_ local: StaticString) -> String? {
    attribute(local, namespace: nil)
  }

  /// `body` over the UTF-8 bytes of an attribute of the current element start without a
  /// namespace, without building a `String`; nil when the element has no such attribute or
  /// its value holds a character reference (`attribute(_:)` decodes those).
  package func withAttributeBytes<R>(
    _ local: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R? {
    guard let table = attributeTable else { return nil }
    for index in 0..<attributeCount {
      let entry = table + index * 5
      guard let name = entry[0], Self.equal(name, local), entry[2] == nil else { continue }
      guard let start = entry[3], let end = entry[4], end > start else {
        return body(UnsafeBufferPointer(start: nil, count: 0))
      }
      let utf8 = UnsafeBufferPointer(start: start, count: end - start)
      return utf8.contains(UInt8(ascii: "&")) ? nil : body(utf8)
    }
    return nil
  }

  /// An attribute of the current element start by its local name in any namespace or none
  /// (`r:id` on a SpreadsheetML `sheet`), for vocabularies other than Word's.
  package func attribute(anyNamespace local: StaticString) -> String? {
    attribute(local, namespace: nil, anyNamespace: true)
  }

  /// The current element's location: exact line and column from the part's bytes when it is
  /// UTF-8, else libxml2's parser position.
  package func currentLocation() -> Location {
    if kind == .elementStart, var locator {
      let found: (line: Int, column: Int)?
      if let offset = context.flatMap(Self.unconvertedOffset) {
        found = locator.locate(startTagBefore: offset)
      } else {
        found = locator.locate(elementOrdinal)
      }
      self.locator = locator
      if let found { return Location(line: found.line, column: found.column, part: part) }
    }
    if let context { return parserLocation(context) }
    return Location(line: 1, column: 1, part: part)
  }

  // MARK: - Events from libxml2

  private func startElement(
    _ local: UnsafePointer<xmlChar>?, _ namespace: UnsafePointer<xmlChar>?, _ count: Int32,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  ) {
    guard accepting() else { return }
    kind = .elementStart
    depth = openElements
    openElements += 1
    elementOrdinal += 1
    localPointer = local
    namespacePointer = namespace
    name = XMLName(namespace: self.namespace(namespace), local: names.name(local))
    if depth >= maxDepth {
      fail(
        DocxError(
          place: currentLocation().description,
          message: "XML nesting deeper than \(maxDepth) elements (limit maxXMLDepth)"))
      return
    }
    attributeCount = Int(max(0, count))
    attributeTable = attributes
    deliver()
    attributeCount = 0
    attributeTable = nil
  }

  private func endElement(_ local: UnsafePointer<xmlChar>?, _ namespace: UnsafePointer<xmlChar>?) {
    guard accepting() else { return }
    kind = .elementEnd
    openElements -= 1
    depth = openElements
    localPointer = local
    namespacePointer = namespace
    name = XMLName(namespace: self.namespace(namespace), local: names.name(local))
    deliver()
  }

  private func characters(_ start: UnsafePointer<xmlChar>?, _ count: Int32) {
    guard accepting(), let start, count > 0 else { return }
    kind = .text
    textBytes = UnsafeBufferPointer(start: start, count: Int(count))
    deliver()
    textBytes = UnsafeBufferPointer(start: nil, count: 0)
  }

  private func doctype() {
    guard accepting() else { return }
    var location = context.map(parserLocation) ?? Location(line: 1, column: 1, part: part)
    if let bytes = utf8Bytes, let found = ElementLocator.doctype(in: bytes) {
      location = Location(line: found.line, column: found.column, part: part)
    }
    fail(
      DocxError(
        place: location.description,
        message: "a DOCTYPE declaration is not allowed in a Word part (refused)"))
  }

  private func record(_ error: xmlError) {
    guard recorded == nil, failure == nil, !stopped,
      error.level.rawValue >= XML_ERR_ERROR.rawValue
    else { return }
    let message =
      error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
      ?? "error \(error.code)"
    recorded = RecordedError(
      message: message,
      location: Location(line: max(1, Int(error.line)), column: max(1, Int(error.int2)), part: part)
    )
  }

  /// False once the parse is to end: the handler failed or stopped, or libxml2 reported an
  /// error (the parser is stopped here, outside libxml2's error path).
  private func accepting() -> Bool {
    if failure != nil || stopped { return false }
    if recorded != nil {
      if let context { xmlStopParser(context) }
      return false
    }
    return true
  }

  private func deliver() {
    guard let handler else { return }
    do {
      try handler(self)
    } catch {
      fail(error)
    }
  }

  private func fail(_ error: DocxError) {
    failure = error
    if let context { xmlStopParser(context) }
  }

  // MARK: - Helpers

  private func attribute(
    _ local: StaticString, namespace: UnsafePointer<xmlChar>?, anyNamespace: Bool = false
  ) -> String? {
    guard let table = attributeTable else { return nil }
    // Five pointers per attribute: local name, prefix, URI, value start, value end.
    for index in 0..<attributeCount {
      let entry = table + index * 5
      guard let name = entry[0], Self.equal(name, local),
        anyNamespace || Self.sameURI(entry[2], namespace)
      else { continue }
      guard let start = entry[3], let end = entry[4], end > start else { return "" }
      let utf8 = UnsafeBufferPointer(start: start, count: end - start)
      let value = String(decoding: utf8, as: UTF8.self)
      // Without entity substitution libxml2 hands `&` over as `&#38;` (its tree builder
      // decodes it again); every other reference comes decoded.
      guard utf8.contains(UInt8(ascii: "&")) else { return value }
      return value.replacingOccurrences(of: "&#38;", with: "&")
    }
    return nil
  }

  private static func equal(_ name: UnsafePointer<xmlChar>, _ local: StaticString) -> Bool {
    let count = local.utf8CodeUnitCount
    let expected = local.utf8Start
    for index in 0..<count where name[index] != expected[index] { return false }
    return name[count] == 0
  }

  private static func sameURI(_ a: UnsafePointer<xmlChar>?, _ b: UnsafePointer<xmlChar>?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let a?, let b?): return a == b || xmlStrEqual(a, b) == 1
    default: return false
    }
  }

  private func namespace(_ uri: UnsafePointer<xmlChar>?) -> XMLNamespace {
    guard let uri else { return .other }
    // Names and URIs come from the parser's dictionary: one pointer per distinct string.
    let key = Int(bitPattern: uri)
    if key == lastNamespaceKey { return lastNamespace }
    lastNamespaceKey = key
    lastNamespace = Self.namespace(String(cString: uri))
    return lastNamespace
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

  /// The parser's offset in the part's own bytes (inside or just past the current start
  /// tag), or nil when libxml2 converts the part from another encoding.
  private static func unconvertedOffset(_ ctxt: xmlParserCtxtPtr) -> Int? {
    guard let input = ctxt.pointee.input, let buffer = input.pointee.buf,
      buffer.pointee.encoder == nil
    else { return nil }
    let offset = xmlByteConsumed(ctxt)
    return offset > 0 ? offset : nil
  }

  private func parserLocation(_ ctxt: xmlParserCtxtPtr) -> Location {
    let raw = UnsafeMutableRawPointer(ctxt)
    return Location(
      line: max(1, Int(xmlSAX2GetLineNumber(raw))),
      column: max(1, Int(xmlSAX2GetColumnNumber(raw))), part: part)
  }

  private func malformed(_ error: RecordedError) -> DocxError {
    DocxError(place: error.location.description, message: "malformed XML: \(error.message)")
  }

  /// Runs `body` on the stream behind a callback's context, without retaining it (the
  /// stream outlives its parse).
  private static func with(
    _ context: UnsafeMutableRawPointer?, _ body: (XMLStream) -> Void
  ) {
    guard let context else { return }
    Unmanaged<XMLStream>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
  }

  /// The SAX2 handler: elements, text (CDATA and white space too), the DOCTYPE refusal and
  /// structured errors; everything else (entities, DTD, comments, PIs) left unset.
  private static func callbacks() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = { context, local, _, uri, _, _, count, _, attributes in
      XMLStream.with(context) { $0.startElement(local, uri, count, attributes) }
    }
    sax.endElementNs = { context, local, _, uri in
      XMLStream.with(context) { $0.endElement(local, uri) }
    }
    sax.characters = { context, start, count in
      XMLStream.with(context) { $0.characters(start, count) }
    }
    sax.ignorableWhitespace = { context, start, count in
      XMLStream.with(context) { $0.characters(start, count) }
    }
    sax.cdataBlock = { context, start, count in
      XMLStream.with(context) { $0.characters(start, count) }
    }
    sax.internalSubset = { context, _, _, _ in XMLStream.with(context) { $0.doctype() } }
    sax.serror = { context, error in
      guard let error else { return }
      XMLStream.with(context) { $0.record(error.pointee) }
    }
    return sax
  }
}

/// libxml2's first error for one parse.
private struct RecordedError {
  var message: String
  var location: Location
}

/// Interned element names: libxml2 hands the same pointer for the same name during a parse, so
/// a small direct-mapped table keyed by pointer turns each name into an `XMLLocalName` once.
private final class NameCache {
  private static let slots = 256
  private let keys = UnsafeMutablePointer<Int>.allocate(capacity: slots)
  private let values = UnsafeMutablePointer<XMLLocalName>.allocate(capacity: slots)

  init() {
    keys.initialize(repeating: 0, count: Self.slots)
    values.initialize(repeating: .other, count: Self.slots)
  }

  deinit {
    keys.deallocate()
    values.deallocate()
  }

  func name(_ pointer: UnsafePointer<xmlChar>?) -> XMLLocalName {
    guard let pointer else { return .other }
    let key = Int(bitPattern: pointer)
    let slot = Int(truncatingIfNeeded: (UInt(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    if keys[slot] == key { return values[slot] }
    let value = XMLLocalName(text: String(cString: pointer))
    keys[slot] = key
    values[slot] = value
    return value
  }
}
