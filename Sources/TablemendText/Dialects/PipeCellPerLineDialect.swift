import TablemendAlign
import TablemendModel

/// Web pages flattened to one cell per line ending in ` |`, a row ended by a line of
/// pipes (`|||||`) or by two or more pipes after the last cell (`1 | ||`).
///
/// A line of its own `|` is an empty cell; a line without a pipe inside the table is
/// another paragraph of the next cell. Rows are aligned by `IndicatorAlignment`.
public enum PipeCellPerLineDialect: TextDialect {
  public static let name = "pipe-cell-per-line"

  public static func score(_ lines: [Substring]) -> Double {
    var nonBlank = 0
    var single = 0
    var pipeOnly = 0
    var multi = 0
    for line in lines.prefix(5000) where !line.allSatisfy(\.isWhitespace) {
      nonBlank += 1
      if line.hasPrefix("\t") { return 0 }
      guard line.has("|") else { continue }
      let cells = PipeRowsDialect.cells(line).filter { !$0.text.isEmpty }
      let lastContent = line.lastIndex { $0 != "|" && !$0.isWhitespace } ?? line.startIndex
      let closesRow = line[lastContent...].filter { $0 == "|" }.count >= 2
      if cells.isEmpty || closesRow { pipeOnly += 1 }
      if cells.count == 1 { single += 1 } else if cells.count > 1 { multi += 1 }
    }
    guard nonBlank > 0, single >= 3, pipeOnly >= 1 else { return 0 }
    let share = Double(single + pipeOnly) / Double(nonBlank)
    return min(0.95, share * (Double(single) / Double(single + multi)) + 0.1)
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var rows: [[TextCell]] = []
    var row: [TextCell] = []
    var loose: [(String, Location)] = []  // pipe-less lines waiting for their cell
    var inTable = false
    func endRow() {
      if !loose.isEmpty {
        row.append(TextCell(text: loose.map(\.0).joined(separator: "\n"), location: loose[0].1))
        loose = []
      }
      if !row.isEmpty { rows.append(row) }
      row = []
    }
    for (i, line) in lines.enumerated() {
      guard line.count <= limits.maxLineLength else {
        throw TextError(place: "\(i + 1):1", message: "line too long")
      }
      let text = String(line).trimmingSpaces()
      if text.isEmpty { continue }
      guard line.has("|") else {
        if inTable {
          loose.append((text, Location(line: i + 1, column: 1)))
        } else {
          segments.append(.paragraph(text, Location(line: i + 1, column: 1)))
        }
        continue
      }
      inTable = true
      let parts = PipeRowsDialect.cells(line)
      let pipes = line.filter { $0 == "|" }.count
      let contents = parts.filter { !$0.text.isEmpty }
      if contents.isEmpty {
        if pipes >= 2 {
          endRow()
        } else {
          row.append(TextCell(text: "", location: Location(line: i + 1, column: 1)))
        }
        continue
      }
      for (k, part) in parts.enumerated() {
        var cellText = part.text
        var location = Location(line: i + 1, column: part.column + 1)
        if k == 0, !loose.isEmpty {
          cellText = (loose.map(\.0) + [cellText]).joined(separator: "\n")
          location = loose[0].1
          loose = []
        }
        row.append(TextCell(text: cellText, location: location))
      }
      // Pipes after the last cell: one closes the cell, more close the row.
      let lastContent = line.lastIndex { $0 != "|" && !$0.isWhitespace } ?? line.startIndex
      let trailing = line[lastContent...].filter { $0 == "|" }.count
      if trailing >= 2 || contents.count >= 2 { endRow() }
    }
    endRow()
    if !rows.isEmpty { segments.append(.rows(PlacedRows.aligned(rows))) }
    return TokenizedText(
      dialect: name, segments: segments,
      diagnostics: PlacedRows.truncation(segments, lines: lines, pipes: true))
  }
}
