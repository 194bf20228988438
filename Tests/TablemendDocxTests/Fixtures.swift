import Foundation
import TablemendDocx
import TablemendModel

/// Paths and helpers shared by the DOCX tests.
enum Fixtures {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus/docx")

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: corpus.appendingPathComponent(name))
  }

  static func read(_ name: String, limits: Limits = .standard) throws -> DocxContent {
    try DocxReader.read(data(name), limits: limits)
  }

  static func tables(_ content: DocxContent) -> [Table] { content.blocks.compactMap(\.table) }

  static func paragraphs(_ content: DocxContent) -> [String] {
    content.blocks.compactMap(\.paragraph)
  }

  /// `(row, column, rowSpan, columnSpan, text)` of every cell, in the table's order.
  static func boxes(_ table: Table) -> [Box] {
    table.cells.map { Box($0.row, $0.column, $0.rowSpan, $0.columnSpan, $0.text) }
  }

  /// A bare WordprocessingML document around `body`.
  static func document(_ body: String, prolog: String = "") -> Data {
    Data(
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:body>\(body)</w:body></w:document>").utf8)
  }
}

/// One cell's place and text, compared as a whole.
struct Box: Equatable, CustomStringConvertible {
  var row: Int
  var column: Int
  var rowSpan: Int
  var columnSpan: Int
  var text: String

  init(_ row: Int, _ column: Int, _ rowSpan: Int, _ columnSpan: Int, _ text: String) {
    self.row = row
    self.column = column
    self.rowSpan = rowSpan
    self.columnSpan = columnSpan
    self.text = text
  }

  var description: String { "(\(row),\(column) \(rowSpan)x\(columnSpan) \(text.debugDescription))" }
}
