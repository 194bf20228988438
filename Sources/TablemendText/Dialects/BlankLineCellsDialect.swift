import TablemendModel

/// Web pages flattened to one cell per line with a blank line between cells and no row
/// breaks at all.
///
/// Rows are rebuilt from the vocabulary (`IndicatorAlignment.rowsFromStream`): field names
/// start rows above the indicator header, 一级 / 二级 labels and full rows below it.
public enum BlankLineCellsDialect: TextDialect {
  public static let name = "blank-line-cells"

  public static func score(_ lines: [Substring]) -> Double {
    var nonBlank = 0
    var followedByBlank = 0
    for (i, line) in lines.prefix(5000).enumerated() where !line.allSatisfy(\.isWhitespace) {
      if line.hasPrefix("\t") || line.has("\t") { return 0 }
      nonBlank += 1
      if i + 1 < lines.count, lines[i + 1].allSatisfy(\.isWhitespace) { followedByBlank += 1 }
    }
    guard nonBlank >= 6 else { return 0 }
    let share = Double(followedByBlank) / Double(nonBlank)
    // Below paragraph-per-line (0.6 with an indicator header), which reads the same layout.
    return share >= 0.6 ? 0.55 : share * 0.3
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var stream: [TextCell] = []
    for (i, line) in lines.enumerated() {
      guard line.count <= limits.maxLineLength else {
        throw TextError(place: "\(i + 1):1", message: "line too long")
      }
      let text = String(line).trimmingSpaces()
      guard !text.isEmpty else { continue }
      let column =
        (line.firstIndex { !$0.isWhitespace }).map { line.distance(from: line.startIndex, to: $0) }
        ?? 0
      stream.append(TextCell(text: text, location: Location(line: i + 1, column: column + 1)))
    }
    let rows = IndicatorAlignment.rowsFromStream(stream)
    var segments: [Segment] = []
    // Lines before the first field name are the page's title text.
    let firstField =
      rows.firstIndex { $0.count > 1 || IndicatorAlignment.isFieldLabel($0.first?.text ?? "") }
      ?? rows.count
    for row in rows[..<firstField] {
      for cell in row { segments.append(.paragraph(cell.text, cell.location)) }
    }
    if firstField < rows.count {
      segments.append(.rows(IndicatorAlignment.align(Array(rows[firstField...]))))
    }
    return TokenizedText(
      dialect: name, segments: segments,
      diagnostics: IndicatorAlignment.truncation(segments, lines: lines))
  }
}
