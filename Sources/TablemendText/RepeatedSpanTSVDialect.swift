import TablemendModel

/// Tab-separated rows that write every slot of the grid, repeating a merged cell's text in each
/// slot it covers (python-docx's `row.cells`, many spreadsheet exports). Cell text may hold
/// line breaks, which split a row over several lines.
///
/// Rows are put back together until they have the table's tab count; runs of identical
/// adjacent cells become one cell with a column span (reported as inferred). Text repeated
/// down a column is left as written: the forms stage reads a label stated on every row, and
/// equal values on consecutive rows must stay separate.
public enum RepeatedSpanTSVDialect: TextDialect {
  public static let name = "tsv-repeated-spans"

  public static func score(_ lines: [Substring]) -> Double {
    guard let width = lines.map(tabCount).max(), width >= 2 else { return 0 }
    let rows = reassemble(lines, width: width)
    let full = rows.compactMap { $0.fields }
    guard full.count >= 3 else { return 0 }
    let broken = rows.filter { $0.fields == nil && $0.tabbed }.count
    // A row whose every slot repeats one text is a merged full-width row written slot by slot:
    // the mark of this dialect, which a plain tab-per-row export never shows.
    let fullyRepeated = full.contains { cells in
      guard let first = cells.first, !first.trimmingCharacters(in: .whitespaces).isEmpty else {
        return false
      }
      return cells.allSatisfy { $0 == first }
    }
    guard fullyRepeated else { return 0 }
    let repeating = full.filter { cells in
      zip(cells, cells.dropFirst()).contains { a, b in
        !a.trimmingCharacters(in: .whitespaces).isEmpty && a == b
      }
    }
    let uniform = Double(full.count) / Double(full.count + broken)
    let repeated = Double(repeating.count) / Double(full.count)
    guard uniform >= 0.8, repeated >= 0.3 else { return 0 }
    return min(1, 0.6 + repeated)
  }

  static func tabCount(_ line: Substring) -> Int { line.utf8.lazy.filter { $0 == 9 }.count }

  /// Lines put back together into rows of `width` tabs; `fields` is nil for a line that is
  /// not part of such a row.
  static func reassemble(_ lines: [Substring], width: Int) -> [(
    start: Int, end: Int, fields: [Substring]?, tabbed: Bool
  )] {
    var out: [(Int, Int, [Substring]?, Bool)] = []
    var i = 0
    while i < lines.count {
      if lines[i].isEmpty {
        i += 1
        continue
      }
      var tabs = tabCount(lines[i])
      var j = i + 1
      while tabs < width, j < lines.count, !lines[j].isEmpty, tabs + tabCount(lines[j]) <= width {
        tabs += tabCount(lines[j])
        j += 1
      }
      if tabs == width {
        // Lines with no tab after a complete row hold the end of its last cell, or the start
        // of the next row's first cell: split them where the next row's first cell repeats
        // this row's (a vertical merge written again), or else before a trailing run of
        // one-character lines (a vertical label).
        var m = j
        while m < lines.count, !lines[m].isEmpty, tabCount(lines[m]) == 0 { m += 1 }
        if m > j {
          j = continuationSplit(lines, rowStart: i, from: j, to: m)
        }
        let joined = lines[i..<j].joined(separator: "\n")
        let fields = joined.split(separator: "\t", omittingEmptySubsequences: false).map {
          Substring($0)
        }
        out.append((i, j, fields, true))
        i = j
      } else {
        out.append((i, i + 1, nil, lines[i].has("\t")))
        i += 1
      }
    }
    return out
  }

  /// Where the tab-less lines `from..<to` after a complete row starting at `rowStart` stop
  /// belonging to that row.
  static func continuationSplit(_ lines: [Substring], rowStart: Int, from: Int, to: Int) -> Int {
    func firstField(_ start: Int) -> String {
      var parts: [Substring] = []
      var k = start
      while k < lines.count, !lines[k].isEmpty {
        if let tab = lines[k].firstIndex(of: "\t") {
          parts.append(lines[k][..<tab])
          return parts.joined(separator: "\n")
        }
        parts.append(lines[k])
        k += 1
      }
      return parts.joined(separator: "\n")
    }
    let own = firstField(rowStart)
    for split in from...to where !own.isEmpty && firstField(split) == own {
      return split
    }
    // A short label broken over lines (一级 / 指标) opens the next row; long text continues
    // the last cell of this one.
    if firstField(from).count <= 12 { return from }
    // A trailing run of one-character lines (and the one-character field that ends it).
    let nextStartsShort = to < lines.count && firstField(to).count <= 1
    guard nextStartsShort else { return to }
    var split = to
    while split > from, lines[split - 1].count == 1 { split -= 1 }
    return split
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    let width = lines.map(tabCount).max() ?? 0
    var segments: [Segment] = []
    var rows: [RawRow] = []
    var cleaner = CellCleaner()
    var diagnostics: [Diagnostic] = []
    var merged = 0
    var firstMerge: Location?
    var previousEnd = 0
    func closeTable() {
      if !rows.isEmpty { segments.append(.rows(rows)) }
      rows = []
    }
    for row in reassemble(lines, width: width) {
      // A blank line between rows ends the table.
      if row.start > previousEnd && lines[previousEnd..<row.start].contains(where: \.isEmpty) {
        closeTable()
      }
      previousEnd = row.end
      guard let fields = row.fields else {
        closeTable()
        let text = CellCleaner.trim(String(lines[row.start]))
        if !text.isEmpty {
          segments.append(.paragraph(text, Location(line: row.start + 1, column: 1)))
        }
        continue
      }
      var cells: [RawCell] = []
      var column = 0
      var k = 0
      while k < fields.count {
        var span = 1
        let text = fields[k]
        while k + span < fields.count, fields[k + span] == text,
          !text.trimmingCharacters(in: .whitespaces).isEmpty
        {
          span += 1
        }
        let location = Location(line: row.start + 1, column: column + 1)
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        cells.append(
          RawCell(
            paragraphs: cleaner.clean(paragraphs, at: location), location: location,
            columnSpan: span, column: column))
        if span > 1 {
          merged += 1
          if firstMerge == nil { firstMerge = location }
        }
        column += span
        k += span
      }
      rows.append(RawRow(cells: cells, location: Location(line: row.start + 1, column: 1)))
    }
    closeTable()
    if merged > 0 {
      diagnostics.append(
        Diagnostic(
          .info, "repeated-cell-merged",
          "\(merged) run(s) of one text repeated in adjacent slots were read as cells spanning "
            + "those slots",
          at: firstMerge))
    }
    return TokenizedText(
      dialect: name, segments: segments, diagnostics: cleaner.diagnostics() + diagnostics)
  }
}
