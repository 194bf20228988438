import Foundation
import TablemendAlign
import TablemendModel
import TablemendVocabulary

/// The rows that `RowPlacement` (in the align stage) put in indicator columns, as the grid
/// stage reads them, and what the text dialects that use it say about a cut-off page.
enum PlacedRows {
  /// The placed rows as tokenized rows: a known column is a hint, an empty cell a covered one.
  static func raw(_ rows: [PlacedRow]) -> [RawRow] {
    rows.map { row in
      RawRow(
        cells: row.cells.map {
          var cell = RawCell(
            paragraphs: $0.paragraphs, location: $0.location, columnSpan: $0.columnSpan,
            rowSpan: $0.rowSpan, column: $0.column)
          cell.layoutStart = $0.layoutStart
          return cell
        }, location: row.location)
    }
  }

  /// The rows of `rows`, placed in indicator columns.
  static func aligned(_ rows: [[TextCell]]) -> [RawRow] { raw(RowPlacement.align(rows)) }

  /// A `truncated-input` warning when the text stops inside a table (the page excerpt cut):
  /// the last character was cut in two (U+FFFD), the last line of a pipe dialect is not
  /// closed by `|`, or the last indicator row has no value.
  static func truncation(_ segments: [Segment], lines: [Substring], pipes: Bool = false)
    -> [Diagnostic]
  {
    guard let lastLine = lines.lastIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
      return []
    }
    let text = lines[lastLine]
    let location = Location(line: lastLine + 1, column: text.count + 1)
    guard case .rows(let rows)? = segments.last, let lastRow = rows.last else {
      if text.last == "\u{FFFD}" {
        return [
          Diagnostic(
            .info, "truncated-input", "the text stops in the middle of a character", at: location)
        ]
      }
      return []
    }
    let open = pipes && text.trimmingCharacters(in: .whitespaces).last != "|"
    let hinted = lastRow.cells.contains { $0.column != nil }
    let lastText = lastRow.cells.last { !$0.isEmpty }?.text ?? ""
    let endsWithStandard = lastText.hasSuffix("标准") || lastText.hasSuffix("依据")
    let noValue = hinted && !ComparisonWords.opensValue(lastText) && !endsWithStandard
    let widest = rows.map(\.cells.count).max() ?? 0
    let short = hinted && lastRow.cells.count + 2 < widest
    guard text.last == "\u{FFFD}" || open || noValue || short else { return [] }
    return [
      Diagnostic(
        .warning, "truncated-input",
        "the text stops inside a table; the rows after this point are missing", at: location)
    ]
  }
}
