import TablemendModel
import TablemendText

/// Turns tokenized rows into `Table` grids with spans, repairing what exports damage.
///
/// The rules, each reported where it fires:
/// - a row that a page break split off (one cell of text after a break, continuing a cell
///   that does not end a sentence) is joined back to that cell, with no break inside the word;
/// - a vertical label written one character per paragraph (`总/体/目/标`) becomes one paragraph;
/// - a stray one- or two-character fragment of a vertical label after a page break is
///   attached to the label it came from;
/// - leading empty cells continue the cell above (row spans); trailing empty cells, and the
///   room a short row leaves, widen the row's last cell (column spans);
/// - rows with no text at all are dropped.
public enum GridBuilder {
  /// Builds the blocks of a tokenized text: paragraphs stay paragraphs, row runs become tables.
  /// - Throws: `TextError` when a table exceeds the row or cell limits.
  public static func build(_ tokens: TokenizedText, limits: Limits) throws(TextError)
    -> (blocks: [Block], diagnostics: [Diagnostic])
  {
    var blocks: [Block] = []
    var diagnostics = tokens.diagnostics
    var tableNumber = 0
    for segment in tokens.segments {
      switch segment {
      case .paragraph(let text, let location):
        blocks.append(.paragraph(text, location))
      case .rows(let rows):
        var rows = rows
        rejoinPageBreakSplits(&rows, &diagnostics)
        joinVerticalLabels(&rows, &diagnostics)
        let nonEmpty = rows.filter { row in row.cells.contains { !$0.isEmpty } }
        if nonEmpty.isEmpty { continue }
        if nonEmpty.count > limits.maxRowsPerTable {
          throw TextError(
            place: "\(rows[0].location.line):1",
            message:
              "table has \(nonEmpty.count) rows, over the limit of \(limits.maxRowsPerTable) (maxRowsPerTable)"
          )
        }
        tableNumber += 1
        let table = try place(
          nonEmpty, id: "t\(tableNumber)", limits: limits, diagnostics: &diagnostics)
        blocks.append(.table(table))
      }
    }
    return (blocks, diagnostics)
  }

  // MARK: - Row repairs

  static let sentenceEnds: Set<Character> = ["。", "；", ";", "！", "!", "？", "?", "）", ")", "”"]

  /// Joins a page-break fragment row back to the cell it continues.
  static func rejoinPageBreakSplits(_ rows: inout [RawRow], _ diagnostics: inout [Diagnostic]) {
    var r = 1
    while r < rows.count {
      let row = rows[r]
      let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
      guard row.afterBreak, filled.count == 1, let target = lastFilledCell(rows[r - 1]),
        let fragmentIndex = filled.first
      else {
        r += 1
        continue
      }
      let fragment = row.cells[fragmentIndex]
      let previous = rows[r - 1].cells[target]
      guard let lastParagraph = previous.paragraphs.last,
        let lastChar = lastParagraph.last, !sentenceEnds.contains(lastChar),
        fragment.text.count > 2
      else {
        r += 1
        continue
      }
      var joined = previous
      var paragraphs = joined.paragraphs
      let glue = needsSpace(lastChar, fragment.paragraphs.first?.first) ? " " : ""
      paragraphs[paragraphs.count - 1] = lastParagraph + glue + (fragment.paragraphs.first ?? "")
      paragraphs += fragment.paragraphs.dropFirst()
      joined.paragraphs = paragraphs
      rows[r - 1].cells[target] = joined
      diagnostics.append(
        Diagnostic(
          .warning, "page-break-rejoined",
          "a page break split this cell; the text at \(fragment.location) was joined back to it",
          at: previous.location))
      rows.remove(at: r)
    }
  }

  static func lastFilledCell(_ row: RawRow) -> Int? {
    row.cells.indices.last { !row.cells[$0].isEmpty }
  }

  static func needsSpace(_ a: Character, _ b: Character?) -> Bool {
    guard let b else { return false }
    return (a.isASCII && (a.isLetter || a.isNumber)) && (b.isASCII && (b.isLetter || b.isNumber))
  }

  /// `总/体/目/标` one character per paragraph becomes `总体目标`.
  static func joinVerticalLabels(_ rows: inout [RawRow], _ diagnostics: inout [Diagnostic]) {
    for r in rows.indices {
      for c in rows[r].cells.indices {
        let paragraphs = rows[r].cells[c].paragraphs.filter { !$0.isEmpty }
        guard paragraphs.count >= 2, paragraphs.allSatisfy({ $0.count == 1 && isCJK($0) }) else {
          continue
        }
        let joined = paragraphs.joined()
        rows[r].cells[c].paragraphs = [joined]
        diagnostics.append(
          Diagnostic(
            .info, "vertical-label-joined",
            "a label written one character per line was read as '\(joined)'",
            at: rows[r].cells[c].location))
      }
    }
  }

  static func isCJK(_ s: String) -> Bool {
    s.unicodeScalars.allSatisfy { (0x3400...0x9FFF).contains($0.value) }
  }

  // MARK: - Placement

  /// Places the rows of one table on a grid.
  static func place(
    _ rows: [RawRow], id: String, limits: Limits, diagnostics: inout [Diagnostic]
  ) throws(TextError) -> Table {
    let width =
      rows.map { row in
        row.cells.enumerated().map { i, cell in (cell.column ?? i) + (cell.columnSpan ?? 1) }.max()
          ?? 0
      }.max() ?? 0
    if width * rows.count > limits.maxCellsPerTable {
      throw TextError(
        place: "\(rows[0].location.line):1",
        message:
          "table has \(width * rows.count) slots, over the limit of \(limits.maxCellsPerTable) (maxCellsPerTable)"
      )
    }
    var cells: [Cell] = []
    // owner[r][c]: index in `cells` of the cell covering slot (r, c).
    var owner = [[Int?]](repeating: [Int?](repeating: nil, count: width), count: rows.count)
    for (r, row) in rows.enumerated() {
      let firstFilled = row.cells.firstIndex { !$0.isEmpty } ?? row.cells.count
      let lastFilled = row.cells.lastIndex { !$0.isEmpty } ?? -1
      var column = 0
      var i = 0
      while i < row.cells.count {
        let raw = row.cells[i]
        if let hinted = raw.column { column = max(column, hinted) }
        guard column < width else { break }
        if owner[r][column] != nil {
          column += 1
          continue
        }
        let text = raw.paragraphs
        var inferred: [String] = raw.inferred
        var absorb = false
        if r > 0, let above = owner[r - 1][column], cells[above].column == column,
          cells[above].row + cells[above].rowSpan == r, !cells[above].text.isEmpty
        {
          if i < firstFilled && raw.rowSpan == nil {
            absorb = true
          } else if i == firstFilled, row.afterBreak, column == 0, raw.text.count <= 2,
            isCJK(raw.text), cells[above].text.contains(raw.text)
          {
            absorb = true
            diagnostics.append(
              Diagnostic(
                .warning, "stray-fragment-attached",
                "'\(raw.text)' after a page break is a fragment of the label '\(cells[above].text)'"
                  + " above it and was attached to that label",
                at: raw.location))
            cells[above].markInferred("text")
          }
        }
        if absorb, let above = owner[r - 1][column] {
          let span = cells[above].columnSpan
          cells[above].rowSpan += 1
          cells[above].markInferred("rowSpan")
          for c in column..<min(column + span, width) where owner[r][c] == nil {
            owner[r][c] = above
          }
          // A spanning label above swallows as many leading empties as it is wide.
          var consumed = 1
          while consumed < span, i + 1 < firstFilled {
            i += 1
            consumed += 1
          }
          column += span
          i += 1
          continue
        }
        var span = raw.columnSpan ?? 1
        if raw.columnSpan == nil && i == lastFilled {
          // The last filled cell takes the trailing empties and whatever room the row leaves.
          let end = width
          if end - column > 1 {
            span = end - column
            inferred.append("columnSpan")
          }
        }
        span = max(1, min(span, width - column))
        if i == lastFilled && inferred.contains("columnSpan") {
          // Skip the trailing empties it was widened over.
          i = row.cells.count
        } else {
          i += 1
        }
        let cell = Cell(
          row: r, column: column, rowSpan: raw.rowSpan ?? 1, columnSpan: span, paragraphs: text,
          location: raw.location, inferred: inferred)
        cells.append(cell)
        let rowEnd = min(r + cell.rowSpan, rows.count)
        for below in r..<rowEnd {
          for c in column..<(column + span) where owner[below][c] == nil {
            owner[below][c] = cells.count - 1
          }
        }
        column += span
      }
    }
    cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
    return Table(id: id, rowCount: rows.count, columnCount: width, cells: cells)
  }
}
