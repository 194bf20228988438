import Foundation
import Testing

@testable import TablemendSheets

/// The real workbooks' grids against LibreOffice Calc's layout of them: its HTML export turned
/// into `Tests/Fixtures/sheets/*.grid.json` by `tools/sheets-lo-grid.py` (see docs/sheets.md).
///
/// LibreOffice's export starts at the first used row, so both sides are placed from the first
/// row and column holding text; cells compared are those with text, and empty merged cells
/// between the first and last row with text. Box and text F1 must be 1.
@Suite(.enabled(if: Workbooks.hasReal, "needs ../shared/real/xls"))
struct LibreOfficeGridTests {
  struct Reference: Decodable {
    struct Sheet: Decodable {
      var name: String
      var cells: [[Cell]]
    }
    enum Cell: Decodable {
      case number(Int)
      case text(String)
      init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) {
          self = .number(n)
        } else {
          self = .text(try container.decode(String.self))
        }
      }
    }
    var sheets: [Sheet]
  }

  /// Placed from the first row and column with text; empty spans outside the text's rows left
  /// out (LibreOffice's export stops at the last used row).
  static func normalised(_ cells: [GridCell]) -> Set<GridCell> {
    let withText = cells.filter { !$0.text.isEmpty }
    guard let top = withText.map(\.row).min(), let bottom = withText.map(\.row).max(),
      let left = withText.map(\.column).min()
    else { return [] }
    return Set(
      cells.filter { !$0.text.isEmpty || (top...bottom).contains($0.row) }.map {
        GridCell($0.row - top, $0.column - left, $0.rowSpan, $0.columnSpan, $0.text)
      })
  }

  static func reference(_ name: String) throws -> [(String, [GridCell])] {
    let data = try Data(
      contentsOf: Workbooks.fixtures.appendingPathComponent("\(name).grid.json"))
    return try JSONDecoder().decode(Reference.self, from: data).sheets.map { sheet in
      (
        sheet.name,
        sheet.cells.compactMap { cell -> GridCell? in
          guard cell.count == 5, case .number(let r) = cell[0], case .number(let c) = cell[1],
            case .number(let rs) = cell[2], case .number(let cs) = cell[3],
            case .text(let text) = cell[4]
          else { return nil }
          return GridCell(r, c, rs, cs, text)
        }
      )
    }
  }

  @Test(
    arguments: [
      ("shanghai-unit-budget-template.xlsx", "shanghai-unit-budget-template"),
      ("shanghai-department-budget-template.xlsx", "shanghai-department-budget-template"),
      ("shanghai-unit-budget-template-wps.xls", "shanghai-unit-budget-template-wps"),
    ])
  func everySheetAsLibreOfficeLaysItOut(book: String, grid: String) throws {
    let data = try Data(contentsOf: Workbooks.real.appendingPathComponent(book))
    let content = try SheetsReader.read(data)
    let mine = Workbooks.sheetCells(content)
    let reference = try Self.reference(grid)
    #expect(reference.count >= 10)
    let workbook = try SheetsReader.workbook(
      data, format: try #require(SheetsReader.format(of: data)))
    #expect(workbook.sheets.map(\.name) == reference.map(\.0))
    for (sheet, cells) in reference {
      let expected = Self.normalised(cells)
      let got = Self.normalised(mine[sheet] ?? [])
      let common = expected.intersection(got).count
      let f1 =
        expected.isEmpty && got.isEmpty
        ? 1 : 2 * Double(common) / Double(expected.count + got.count)
      #expect(
        f1 == 1,
        "\(book) sheet \(sheet): F1 \(f1); missing \(expected.subtracting(got).sorted { $0.description < $1.description }.prefix(3)), extra \(got.subtracting(expected).sorted { $0.description < $1.description }.prefix(3))"
      )
    }
  }
}
