import Foundation
import Testing

@testable import TablemendDocx

/// Cell locations stay exact far into long lines: the locator counts lines and columns over
/// thousands of bytes at a time between two cells.
@Suite struct CellLocationTests {
  /// The text at `location` in `xml`, counting columns in Unicode scalars as the locator does.
  static func text(at line: Int, _ column: Int, in xml: String, length: Int) -> String {
    // Split on scalars: a CR LF pair is one Character and would hide its line feed.
    let lines = xml.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    return String(String.UnicodeScalarView(lines[line - 1].dropFirst(column - 1).prefix(length)))
  }

  @Test func longCellsOnOneLineAndAfterLineBreaks() throws {
    var body = "<w:tbl>"
    for row in 0..<3 {
      body += "<w:tr>"
      for column in 0..<3 {
        // 4,000 to 9,000 bytes of mixed ASCII, CJK and 4-byte text before the next cell.
        let filler = String(repeating: "指标值abc😀", count: 300 + 100 * column + 50 * row)
        let gap = (row + column) % 3 == 1 ? "\n  <!-- 注释 -->\r\n" : ""
        body += "\(gap)<w:tc><w:p><w:r><w:t>r\(row)c\(column)\(filler)</w:t></w:r></w:p></w:tc>"
      }
      body += "</w:tr>"
    }
    body += "</w:tbl>"
    let data = Fixtures.document(body)
    let xml = String(decoding: data, as: UTF8.self)
    let table = try #require(Fixtures.tables(try DocxReader.read(data)).first)
    #expect(table.cells.count == 9)
    for cell in table.cells {
      let at = Self.text(at: cell.location.line, cell.location.column, in: xml, length: 15)
      let label = "r\(cell.row)c\(cell.column)"
      #expect(at == "<w:tc><w:p><w:r", "\(label) at \(cell.location)")
      #expect(cell.text.hasPrefix(label))
    }
  }
}
