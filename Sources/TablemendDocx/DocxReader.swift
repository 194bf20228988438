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
  /// True when `data` looks like a ZIP archive or an XML document this reader should take.
  public static func accepts(_ data: Data) -> Bool {
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return true }
    return false
  }

  /// Reads a `.docx` archive or a WordprocessingML / flat-OPC XML document.
  public static func read(_ data: Data, limits: Limits = .standard) throws(DocxError) -> DocxContent
  {
    throw DocxError(message: "DOCX input is not supported yet")
  }
}
