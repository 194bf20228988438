import TablemendAlign
import TablemendModel
import TablemendVocabulary

/// Web pages flattened to one cell per line with a blank line between cells and no row
/// breaks at all.
///
/// Rows are rebuilt from the vocabulary (`RowPlacement.rowsFromStream`): field names
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
    // Each form's title starts a table of its own (a document of several forms, as
    // pdftotext prints one in reading order).
    var starts = stream.indices.filter { k in
      k > 0 && IndicatorStream.isFormTitle(squeezed(stream[k].text))
    }
    starts.insert(0, at: 0)
    var segments: [Segment] = []
    for (n, start) in starts.enumerated() {
      let end = n + 1 < starts.count ? starts[n + 1] : stream.count
      // The title, and the year line under it (`（2023年度）`), are paragraphs.
      var first = start
      if n > 0 || IndicatorStream.isFormTitle(squeezed(stream[start].text)) {
        segments.append(.paragraph(stream[first].text, stream[first].location))
        first += 1
        if first < end, isYearLine(stream[first].text) {
          segments.append(.paragraph(stream[first].text, stream[first].location))
          first += 1
        }
      }
      let cells = Array(stream[first..<end])
      // Text before the first form with no field name and no indicator header is prose.
      if n == 0, starts.count > 1,
        !cells.indices.contains(where: {
          RowPlacement.isFieldLabel(cells[$0].text) || IndicatorStream.opensHeader(cells, $0)
        })
      {
        segments += cells.map { .paragraph($0.text, $0.location) }
        continue
      }
      let rows = RowPlacement.rowsFromStream(cells)
      // Lines before the first field name are the page's title text.
      let firstField =
        rows.firstIndex { $0.count > 1 || RowPlacement.isFieldLabel($0.first?.text ?? "") }
        ?? rows.count
      for row in rows[..<firstField] {
        for cell in row { segments.append(.paragraph(cell.text, cell.location)) }
      }
      if firstField < rows.count {
        segments.append(.rows(PlacedRows.aligned(Array(rows[firstField...]))))
      }
    }
    return TokenizedText(
      dialect: name, segments: segments,
      diagnostics: PlacedRows.truncation(segments, lines: lines))
  }

  /// `（2023年度）`, `(2021年度)`: the year under a form's title.
  static func isYearLine(_ text: String) -> Bool {
    let s = squeezed(text)
    return s.count <= 12 && s.contains("年度") && s.first.map { "（(".contains($0) } == true
  }
}
