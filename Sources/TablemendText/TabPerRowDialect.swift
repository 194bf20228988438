import TablemendModel

/// One table row per line, cells separated by tabs (seed 000 and many "save as text" exports).
///
/// Lines without a tab are paragraphs outside tables; blank lines inside a run of rows are page
/// breaks and mark the next row `afterBreak`. Trailing empty cells stand for horizontal merges
/// and leading empty cells for vertical ones: the grid stage reads them so.
public enum TabPerRowDialect: TextDialect {
  public static let name = "tab-per-row"

  public static func score(_ lines: [Substring]) -> Double {
    var tabbed = 0
    var multi = 0
    for line in lines where line.has("\t") {
      tabbed += 1
      if line.utf8.lazy.filter({ $0 == 9 }).count >= 2
        && !(line.first == "\t" && line.dropFirst().allSatisfy { $0 == "\t" })
      {
        multi += 1
      }
    }
    guard tabbed >= 2 else { return 0 }
    return Double(multi) / Double(tabbed)
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var rows: [RawRow] = []
    var cleaner = CellCleaner()
    var sawBlank = false
    for (index, line) in lines.enumerated() {
      let number = index + 1
      if line.allSatisfy({ $0 == " " || $0 == "\u{3000}" }) {
        if !rows.isEmpty { sawBlank = true }
        continue
      }
      guard line.has("\t") else {
        if !rows.isEmpty {
          segments.append(.rows(rows))
          rows = []
        }
        sawBlank = false
        let text = cleaner.clean([line], at: Location(line: number, column: 1))
          .joined(separator: " ")
        segments.append(.paragraph(text, Location(line: number, column: 1)))
        continue
      }
      var cells: [RawCell] = []
      var column = 1
      for field in line.split(separator: "\t", omittingEmptySubsequences: false) {
        let location = Location(line: number, column: column)
        cells.append(RawCell(paragraphs: cleaner.clean([field], at: location), location: location))
        column += field.count + 1
      }
      rows.append(
        RawRow(cells: cells, location: Location(line: number, column: 1), afterBreak: sawBlank))
      sawBlank = false
    }
    if !rows.isEmpty { segments.append(.rows(rows)) }
    return TokenizedText(dialect: name, segments: segments, diagnostics: cleaner.diagnostics())
  }
}
