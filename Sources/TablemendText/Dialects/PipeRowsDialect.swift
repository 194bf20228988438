import TablemendAlign
import TablemendModel

/// Web pages flattened to one table row per line, cells separated by `|`
/// (`| 产出指标 | 数量指标 | … |`, ragged `|||` at the end).
///
/// Lines holding only pipes are padding and are skipped; trailing empty cells are dropped;
/// rows under an indicator header are aligned by `IndicatorAlignment`.
public enum PipeRowsDialect: TextDialect {
  public static let name = "pipe-rows"

  /// The non-empty-trimmed cells of a line split at `|`, trailing empty cells dropped.
  static func cells(_ line: Substring) -> [(text: String, column: Int)] {
    var out: [(String, Int)] = []
    var column = 0
    var cellStart = line.startIndex
    var start = 0
    var index = line.startIndex
    while index < line.endIndex {
      let next = line.index(after: index)
      if line[index].isScalar("|") {
        out.append((String(line[cellStart..<index]), start))
        cellStart = next
        start = column + 1
      }
      column += 1
      index = next
    }
    out.append((String(line[cellStart...]), start))
    var trimmed = out.map { (text: $0.0.trimmingSpaces(), column: $0.1) }
    if line.first(where: { $0 != " " }) == "|", trimmed.first?.text.isEmpty == true {
      trimmed.removeFirst()
    }
    while trimmed.last?.text.isEmpty == true { trimmed.removeLast() }
    return trimmed
  }

  public static func score(_ lines: [Substring]) -> Double {
    var nonBlank = 0
    var multi = 0
    var single = 0
    var tabs = 0
    for line in lines.prefix(5000) where !line.allSatisfy(\.isWhitespace) {
      nonBlank += 1
      if line.has("\t") { tabs += 1 }
      guard line.has("|") else { continue }
      let cells = cells(line).filter { !$0.text.isEmpty }
      if cells.count >= 2 { multi += 1 } else if cells.count == 1 { single += 1 }
    }
    guard nonBlank > 0, multi >= 2, tabs * 10 <= nonBlank else { return 0 }
    let share = Double(multi) / Double(multi + single)
    return min(0.95, share * Double(multi) / Double(nonBlank) + 0.2 * share)
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var pending: [[TextCell]] = []
    func flush() {
      if !pending.isEmpty { segments.append(.rows(PlacedRows.aligned(pending))) }
      pending = []
    }
    for (i, line) in lines.enumerated() {
      guard line.count <= limits.maxLineLength else {
        throw TextError(place: "\(i + 1):1", message: "line too long")
      }
      if line.allSatisfy({ $0 == "|" || $0.isWhitespace }) { continue }
      if !line.has("|") {
        flush()
        segments.append(
          .paragraph(String(line).trimmingSpaces(), Location(line: i + 1, column: 1)))
        continue
      }
      let row = cells(line).map { cell in
        TextCell(text: cell.text, location: Location(line: i + 1, column: cell.column + 1))
      }
      pending.append(row)
    }
    flush()
    return TokenizedText(
      dialect: name, segments: segments,
      diagnostics: PlacedRows.truncation(segments, lines: lines, pipes: true))
  }
}
