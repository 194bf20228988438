import Foundation
import TablemendModel
import TablemendValues
import TablemendVocabulary

/// Forms found in a document's blocks, and what was repaired or doubted on the way.
public struct Recognition: Sendable {
  public var forms: [Form]
  public var diagnostics: [Diagnostic]
}

/// Finds performance forms in grids and extracts their fields, funds, goals and indicators.
///
/// Each table that holds an indicator header (一级/二级/三级指标) or form fields (项目名称,
/// 部门(单位)名称) gives a form; the paragraphs just before it give its title, year and
/// document-level fields (填报日期, 单位). Rows are read by what their first cell says:
/// funds (…资金…), goals (…目标), an indicator block, a repeated sub-table, or label/value
/// pairs.
public enum FormRecognizer {
  /// The codes of the diagnostics the indicator reading gives: they concern indicators the
  /// grid reading found, and go when another reading's indicators replace them.
  public static let indicatorDiagnosticCodes: Set<String> = [
    "header-shifted", "level-missing", "level1-repaired", "level2-repaired", "not-an-indicator",
    "placeholder-row", "row-shifted",
  ]

  /// Recognises every form in `blocks`.
  public static func recognize(_ blocks: [Block]) -> Recognition {
    var forms: [Form] = []
    var diagnostics: [Diagnostic] = []
    var pending: [(String, Location)] = []
    for block in blocks {
      switch block {
      case .paragraph(let text, let location):
        pending.append((text, location))
        if pending.count > 12 { pending.removeFirst() }
      case .table(let table):
        // A table without the words a form needs gives no form and no diagnostic.
        if !mayHoldForm(table, preceding: pending) { continue }
        for (index, part) in splitAtTitles(table).enumerated() {
          var reader = FormReader(table: part, preceding: pending)
          if let form = reader.read() {
            if index == 0, let last = forms.indices.last,
              continues(forms[last], with: form, after: pending)
            {
              forms[last] = joined(forms[last], form)
            } else {
              forms.append(form)
            }
            pending = []
          }
          diagnostics += reader.diagnostics
        }
      }
    }
    return Recognition(forms: forms, diagnostics: diagnostics)
  }

  /// True when `next`, read from the table after the one `form` came from, is the rest of
  /// `form`: a form printed as two tables, its fields (项目名称, 主管部门 …) in a small table
  /// above the indicator table (as pages and documents often lay it out). `form` has no
  /// indicators; `next` has, with no title, no name field of its own, and no form title
  /// between the two tables.
  static func continues(_ form: Form, with next: Form, after between: [(String, Location)])
    -> Bool
  {
    guard form.indicators.isEmpty, !next.indicators.isEmpty, next.title == nil else {
      return false
    }
    if next.fields.keys.contains(where: { $0.hasSuffix("名称") }) { return false }
    return !between.contains { CellClassifier.isFormTitle(LabelFolding.key($0.0)) }
  }

  /// `form` with what `next` read: its indicators, funds, goals, records and tables, and the
  /// fields `form` did not have.
  static func joined(_ form: Form, _ next: Form) -> Form {
    var out = form
    out.indicators += next.indicators
    out.funds += next.funds
    out.goals += next.goals
    out.records += next.records
    out.tables += next.tables
    out.fields.merge(next.fields) { mine, _ in mine }
    if out.year == nil { out.year = next.year }
    return out
  }

  /// False when neither `table`'s cells nor the paragraphs before it hold any of the scalars
  /// without which `FormReader` finds no form and reports nothing: 级 (an indicator header
  /// names 二级 / 三级 indicators), 名 (a form without indicators needs an identity field:
  /// 项目名称, 单位名称 …), 属 and 类 (`checkbox-unknown` is about 属性 / 类型 fields) and the
  /// check boxes (`checkbox-inferred`). A data table of 100,000 rows is passed over in one
  /// scan of its bytes instead of being read row by row as fields.
  static func mayHoldForm(_ table: Table, preceding: [(String, Location)]) -> Bool {
    for (text, _) in preceding where holdsFormScalar(text) { return true }
    for cell in table.cells where holdsFormScalar(cell.text) { return true }
    return false
  }

  /// True when `text` holds 级, 名, 属, 类 or a check box (□ ☐ ■ ☑ ☒ √ ✓ ✔), compared on
  /// UTF-8 bytes: each is three bytes, E7 BA A7, E5 90 8D, E5 B1 9E, E7 B1 BB, E2 …
  public static func holdsFormScalar(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let n = bytes.count
      var i = 0
      while i + 2 < n {
        let lead = bytes[i]
        if lead == 0xE7 || lead == 0xE5 || lead == 0xE2 {
          switch (UInt32(lead) << 16) | (UInt32(bytes[i + 1]) << 8) | UInt32(bytes[i + 2]) {
          case 0xE7BAA7, 0xE5908D, 0xE5B19E, 0xE7B1BB, 0xE296A1, 0xE29890, 0xE296A0, 0xE29891,
            0xE29892, 0xE2889A, 0xE29C93, 0xE29C94:
            return true
          default: break
          }
        }
        i += 1
      }
      return false
    }
  }

  /// A table cut where another form's title stands in a row of its own: text exports that keep
  /// no table boundaries (`pdftotext -raw`, space-separated pages) run several forms into one
  /// grid. A title row counts once the part before it holds an indicator header; cells are
  /// clipped to their part and rows renumbered.
  static func splitAtTitles(_ table: Table) -> [Table] {
    // Per row: how many cells starting there hold text, and the first of them.
    let rows = max(0, table.rowCount)
    var filledCount = [Int](repeating: 0, count: rows)
    var firstFilled = [Int](repeating: 0, count: rows)
    for (index, cell) in table.cells.enumerated()
    where cell.row >= 0 && cell.row < rows && !cell.text.isEmpty {
      if filledCount[cell.row] == 0 { firstFilled[cell.row] = index }
      filledCount[cell.row] += 1
    }
    // Rows holding a title alone; most tables have none past their first rows, and then the
    // indicator headers need not be looked for.
    let titles = (1..<max(1, table.rowCount)).filter { r in
      filledCount[r] == 1 && isFormTitle(table.cells[firstFilled[r]].text)
    }
    guard let lastTitle = titles.last else { return [table] }
    var cuts: [Int] = []
    var sawHeader = false
    let view = GridView(table)
    let titleRows = Set(titles)
    for r in 0...lastTitle {
      if sawHeader, titleRows.contains(r) {
        cuts.append(r)
        sawHeader = false
      }
      if IndicatorReader.isHeader(view, r) { sawHeader = true }
    }
    guard !cuts.isEmpty else { return [table] }
    let bounds = zip([0] + cuts, cuts + [table.rowCount]).map { $0..<$1 }
    // Each cell goes to the parts its rows overlap (one, unless it spans a cut), clipped to
    // them; cells keep their order within a part.
    var parts = [[Cell]](repeating: [], count: bounds.count)
    for cell in table.cells {
      // The first part that ends below the cell's first row.
      var k = countNotAbove(cell.row, in: cuts)
      while k < bounds.count, bounds[k].lowerBound < cell.row + cell.rowSpan {
        let range = bounds[k]
        let top = max(cell.row, range.lowerBound)
        let bottom = min(cell.row + cell.rowSpan, range.upperBound)
        if top < bottom {
          var clipped = cell
          clipped.row = top - range.lowerBound
          clipped.rowSpan = bottom - top
          if top != cell.row {
            clipped.paragraphs = []
            clipped.text = ""
          }
          parts[k].append(clipped)
        }
        k += 1
      }
    }
    return bounds.enumerated().map { k, range in
      let id = k == 0 ? table.id : "\(table.id).\(k + 1)"
      return Table(id: id, rowCount: range.count, columnCount: table.columnCount, cells: parts[k])
    }
  }

  /// How many of the ascending `values` are at most `value` (a binary search).
  static func countNotAbove(_ value: Int, in values: [Int]) -> Int {
    var (low, high) = (0, values.count)
    while low < high {
      let middle = (low + high) / 2
      if values[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// `财政项目支出绩效目标填报表`, `项目支出绩效自评表` … alone in a row.
  static func isFormTitle(_ text: String) -> Bool {
    let f = TextFolding.fold(text)
    return f.count <= 30 && f.has("绩效") && FormReader.titleWords.contains { f.has($0) }
  }
}
