import Foundation
import TablemendModel
import ZIPFoundation

@testable import TablemendSheets

/// Small workbooks written in the tests, and helpers to read them.
enum Workbooks {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The real workbooks, never copied into the repository.
  static let real = packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/real/xls")
  static let hasReal = FileManager.default.fileExists(atPath: real.path)
  static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/sheets")

  /// An `.xlsx` package of the given sheets (`sheetData` and what follows it), with optional
  /// shared strings (`<si>` items) and styles (`<numFmts>` and `<cellXfs>`).
  static func xlsx(
    sheets: [(name: String, body: String)], strings: [String] = [], styles: String = "",
    date1904: Bool = false, hidden: Set<String> = []
  ) throws -> Data {
    let archive = try Archive(accessMode: .create)
    func add(_ path: String, _ text: String) throws {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    try add(
      "_rels/.rels",
      """
      <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(pkg)">\
      <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
      """)
    var sheetList = ""
    var rels = ""
    for (index, sheet) in sheets.enumerated() {
      let state = hidden.contains(sheet.name) ? " state=\"hidden\"" : ""
      sheetList +=
        "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
      rels +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
      try add(
        "xl/worksheets/sheet\(index + 1).xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\">\(sheet.body)</worksheet>"
      )
    }
    rels += "<Relationship Id=\"rS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    rels += "<Relationship Id=\"rY\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
    try add(
      "xl/workbook.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(rel)">\
      <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
      """)
    try add(
      "xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(pkg)\">\(rels)</Relationships>"
    )
    try add(
      "xl/sharedStrings.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\">"
        + strings.map { "<si>\($0)</si>" }.joined() + "</sst>")
    try add(
      "xl/styles.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"
    )
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
  }

  static func tables(_ content: SheetsContent) -> [Table] { content.blocks.compactMap(\.table) }

  static func paragraphs(_ content: SheetsContent) -> [String] {
    content.blocks.compactMap(\.paragraph)
  }

  /// `[row, column, rowSpan, columnSpan]` and text of each cell with text.
  static func boxes(_ table: Table) -> [String] {
    table.cells.filter { !$0.text.isEmpty }.map {
      "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)"
    }
  }

  /// Every cell with text or a span, and every paragraph, as
  /// `(sheet, row, column, rowSpan, columnSpan, text)` in sheet coordinates.
  static func sheetCells(_ content: SheetsContent) -> [String: [GridCell]] {
    var out: [String: [GridCell]] = [:]
    for block in content.blocks {
      switch block {
      case .paragraph(let text, let location):
        out[location.sheet ?? "", default: []].append(
          GridCell(location.line - 1, location.column - 1, 1, 1, text))
      case .table(let table):
        for cell in table.cells
        where !cell.text.isEmpty || cell.rowSpan > 1 || cell.columnSpan > 1 {
          out[cell.location.sheet ?? "", default: []].append(
            GridCell(
              cell.location.line - 1, cell.location.column - 1, cell.rowSpan, cell.columnSpan,
              cell.text))
        }
      }
    }
    return out
  }
}

/// One cell of a reference grid: box and text (trimmed, as the reference keeps it).
struct GridCell: Hashable, CustomStringConvertible {
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
    self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  var description: String { "\(row),\(column) \(rowSpan)x\(columnSpan) \(text.prefix(30))" }
}
