import Foundation
import Testing

@testable import Tablemend

/// The seed forms' DOCX grids written as workbooks (`tools/sheets-seed-fixtures.py`: .xlsx by
/// openpyxl and .lo.xlsx by LibreOffice, BIFF8 .xls by LibreOffice and the same bytes named
/// .et, Excel 2003 XML) read to the same forms, indicators and grid as the DOCX.
@Suite struct SheetSeedFormsTests {
  static let seeds = ["seed-000-department", "seed-002-project"]
  static let formats = [
    ("xlsx", "xlsx"), ("lo.xlsx", "xlsx"), ("xls", "xls"), ("et", "xls"), ("xml", "excel-2003-xml"),
  ]

  static func convert(_ relative: String) throws -> Document {
    let url = packageRoot.appendingPathComponent(relative)
    return try Converter().convert(data: try Data(contentsOf: url), path: relative)
  }

  /// Cells with text or a span: `row,column rowSpan×columnSpan text`.
  static func grid(_ table: Table) -> [String] {
    table.cells.filter { !$0.text.isEmpty || $0.rowSpan > 1 || $0.columnSpan > 1 }.map {
      "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)"
    }
  }

  static func indicators(_ document: Document) -> [String] {
    document.forms.flatMap(\.indicators).map {
      "\($0.period)|\($0.level1)|\($0.level2)|\($0.level3)|\($0.value.raw)"
    }
  }

  @Test(arguments: seeds)
  func everyWorkbookFormatReadsAsTheDocx(seed: String) throws {
    let docx = try Self.convert("corpus/docx/\(seed).docx")
    let expectedIndicators = Self.indicators(docx)
    #expect(expectedIndicators.count >= 14)
    let docxTable = try #require(docx.tables.first)
    for (ext, dialect) in Self.formats {
      let document = try Self.convert("corpus/sheets/\(seed).\(ext)")
      #expect(document.source.dialect == dialect, "\(seed).\(ext)")
      #expect(document.forms.map(\.kind) == docx.forms.map(\.kind), "\(seed).\(ext)")
      #expect(document.forms.map(\.title) == docx.forms.map(\.title), "\(seed).\(ext)")
      #expect(document.forms.map(\.fields) == docx.forms.map(\.fields), "\(seed).\(ext)")
      #expect(Self.indicators(document) == expectedIndicators, "\(seed).\(ext)")
      let table = try #require(document.tables.first)
      #expect(Self.grid(table) == Self.grid(docxTable), "\(seed).\(ext)")
      #expect(table.cells.first?.location.sheet == "表1")
    }
  }

  @Test func damagedWorkbooksNameFilePlaceAndFormat() throws {
    let xls = try Data(
      contentsOf: packageRoot.appendingPathComponent("corpus/sheets/seed-002-project.xls"))
    #expect {
      try Converter().convert(data: xls.prefix(6000), path: "cut.xls")
    } throws: { error in
      guard let error = error as? ConversionError else { return false }
      return error.path == "cut.xls" && error.place?.hasPrefix("compound file") == true
        && error.message.hasPrefix("a BIFF8 workbook (.xls / .et): ")
    }
    let docx = try Data(contentsOf: packageRoot.appendingPathComponent("corpus/docx/spans.docx"))
    #expect {
      try Converter(options: ConvertOptions(dialect: "xlsx")).convert(data: docx, path: "w.docx")
    } throws: { error in
      (error as? ConversionError)?.message.hasPrefix("an .xlsx workbook: not an Excel workbook")
        == true
    }
    #expect(Converter.dialects.contains("excel-2003-xml"))
  }
}
