import Foundation
import TablemendModel

/// What the DOCX path read from one file: the body in reading order and what it noticed.
public struct DocxContent: Sendable {
  /// Paragraphs outside tables and tables, in document order. Nested tables are listed after
  /// the table that holds them and linked from their cell's `tables`.
  public var blocks: [Block]
  public var diagnostics: [Diagnostic]
  /// `docx`, `wordprocessingml` (a bare `document.xml`) or `flat-opc`.
  public var dialect: String

  public init(blocks: [Block], diagnostics: [Diagnostic], dialect: String) {
    self.blocks = blocks
    self.diagnostics = diagnostics
    self.dialect = dialect
  }
}

/// Why a DOCX or WordprocessingML input could not be read.
public struct DocxError: Error, Sendable, CustomStringConvertible {
  /// Where: `word/document.xml:12:5`, `zip entry word/document.xml`, …
  public var place: String?
  public var message: String

  public init(place: String? = nil, message: String) {
    self.place = place
    self.message = message
  }

  public var description: String { place.map { "\($0): \(message)" } ?? message }
}

/// Reads `.docx` archives and WordprocessingML parts into document blocks.
public enum DocxReader {
  /// True when `data` looks like a ZIP archive, or an XML document whose root is a Word
  /// `w:document` or a flat-OPC `pkg:package` (after an optional byte-order mark and XML
  /// declaration). Other XML is not taken.
  public static func accepts(_ data: Data) -> Bool {
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      return true
    }
    return XMLSniffer.kind(of: data) != nil
  }

  /// Reads a `.docx` archive or a WordprocessingML / flat-OPC XML document.
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - limits: Caps on archive entries, inflated sizes, XML depth and table size.
  /// - Returns: The body's blocks in reading order, diagnostics and the dialect read.
  /// - Throws: `DocxError` naming the place (`word/document.xml:2:345`, `zip entry …`) when the
  ///   input is not a Word document, is damaged, or passes a limit.
  public static func read(_ data: Data, limits: Limits = .standard) throws(DocxError) -> DocxContent
  {
    if data.starts(with: [0x50, 0x4B]) {
      var package = try DocxPackage(data: data, limits: limits)
      let path = try package.mainPartPath()
      guard let main = try package.part(path) else {
        throw DocxError(
          place: "_rels/.rels",
          message: "not a Word document: the main part \(path) is missing from the archive")
      }
      return try readXML(main, part: path, dialect: "docx", limits: limits)
    }
    guard let kind = XMLSniffer.kind(of: data) else {
      throw DocxError(
        message: "not a Word document: neither a ZIP archive nor WordprocessingML XML")
    }
    return try readXML(
      data, part: nil, dialect: kind == .flatOPC ? "flat-opc" : "wordprocessingml",
      limits: limits)
  }

  private static func readXML(
    _ data: Data, part: String?, dialect: String, limits: Limits
  ) throws(DocxError) -> DocxContent {
    try data.withBytes { (bytes) throws(DocxError) -> DocxContent in
      let stream = try XMLStream(bytes: bytes, part: part, maxDepth: limits.maxXMLDepth)
      var root: XMLName?
      var body = WordBodyReader(stream: stream, limits: limits)
      var reading = false
      var content: DocxContent?
      try stream.parse { (stream) throws(DocxError) in
        if reading {
          if try body.handle() {
            content = DocxContent(
              blocks: body.blocks, diagnostics: body.diagnostics, dialect: dialect)
            stream.stop()
          }
          return
        }
        guard stream.kind == .elementStart else { return }
        if root == nil {
          root = stream.name
          if stream.name.namespace == .package, stream.name.local == .package { return }
          guard stream.name.namespace == .word, stream.name.local == .document else {
            throw DocxError(
              place: stream.currentLocation().description,
              message: Self.notWord(root: stream.localName))
          }
        } else if !(stream.name.namespace == .word && stream.name.local == .document) {
          return
        }
        body.begin()
        reading = true
      }
      if let content { return content }
      throw DocxError(
        place: part,
        message: root == nil
          ? "not a Word document: no root element"
          : "not a Word document: the flat-OPC package holds no w:document part")
    }
  }
}

extension Data {
  /// `withUnsafeBytes` for a body that throws `DocxError`.
  package func withBytes<R>(
    _ body: (UnsafeRawBufferPointer) throws(DocxError) -> R
  ) throws(DocxError) -> R {
    let result: Result<R, DocxError> = withUnsafeBytes { bytes in
      Result { () throws(DocxError) -> R in try body(bytes) }
    }
    return try result.get()
  }
}

extension DocxReader {
  /// What a package whose main part's root is `root` is, when it is not a Word document.
  static func notWord(root: String) -> String {
    switch root {
    case "workbook":
      return "an Excel or WPS workbook (.xlsx), not a Word document: convert it without "
        + "--dialect (or with --dialect xlsx)"
    case "presentation":
      return "a PowerPoint presentation (.pptx), not a Word document"
    default:
      return "not a Word document: the root element is <\(root)>, not w:document"
    }
  }
}
