import TablemendModel
import TablemendVocabulary

/// Rebuilds the rows of an indicator block printed as space-aligned columns.
///
/// The block starts at a header line (一级指标 二级指标 三级指标 指标值), read with the lines
/// continuing it by `LayoutIndicatorHeader`. Columns are the header's columns plus one left
/// of them for the block's own label (绩效指标, 长期绩效指标). Chunks that run over a column
/// border with only one space between them (narrow columns) are cut there. Columns headed
/// 一级 / 二级 hold merged labels, printed once, either at the top of their span or at its
/// vertical centre; the others hold entries, and an entry continues on the next line when its
/// line was full (the text wrapped). A row is a line where a 三级 entry and a value entry
/// both start, or a run of lines that together start both; lines starting only one of them
/// belong to the nearest such row.
public struct LayoutIndicatorBlock {
  /// The header line first, then the lines after it up to the end of the block.
  var lines: [LayoutLine]

  /// The block of `lines` (its header line first).
  public init(lines: [LayoutLine]) { self.lines = lines }

  /// A chunk and the column it was placed in.
  struct Placed {
    var line: Int  // index into `lines`
    var column: Int
    var chunk: LayoutChunk
  }

  /// A cell's text in one column: its first chunk and the wrapped lines after it.
  struct Entry {
    var column: Int
    var chunks: [Placed]
    var line: Int { chunks[0].line }
    var lastLine: Int { chunks[chunks.count - 1].line }
  }

  /// A merged label: its fragments and the lines they span.
  struct Label {
    var firstLine: Int
    var lastLine: Int
    var parts: [String]
    var location: Location
  }

  /// A data row: the lines it takes and its entries by column.
  struct Row {
    var top: Int
    var bottom: Int
    var entries: [Int: [Entry]]
    /// Height in printed lines: the most lines any one cell of the row wraps over.
    var height: Int {
      max(1, entries.values.map { Set($0.flatMap { $0.chunks.map(\.line) }).count }.max() ?? 1)
    }
  }

  /// The rows: the header rows first, then one per indicator. The steps: the header's columns
  /// and their kinds (`LayoutBlockColumns`), chunks placed in columns, the lines where rows
  /// start, entries, rows (`LayoutBlockRows.swift`), the rows' vertical geometry and the merged
  /// labels' spans (`LayoutBlockLabels.swift`), then the cells.
  public func rows() -> (rows: [PlacedRow], diagnostics: [Diagnostic]) {
    guard let header = LayoutIndicatorHeader(lines: lines), header.columns.count >= 2 else {
      return ([], [])
    }
    let kinds = LayoutBlockColumns(header)
    let placed = placedChunks(header, kinds)
    let edges = kinds.edges(rightEdge: placed.map(\.chunk.end).max() ?? 0)
    var starts = Self.rowStarts(placed, Self.chunksByLine(placed), kinds, edges: edges)
    let entries = Self.entries(placed, rowStarts: &starts, kinds, edges: edges)
    let rows = Self.rows(entries, kinds)
    let geometry = LayoutBlockGeometry(
      headerRows: header.rowCount, headerLineCount: header.lineCount, rows: rows)
    let spans = Self.labelSpans(labels(placed, kinds), kinds, geometry, placed)
    return (emit(header, kinds, placed, geometry, spans), spans.diagnostics)
  }

  /// The block's raw rows: the header rows, then the data rows, each cell with the character
  /// column its column starts at (the block label's column: where its text starts).
  func emit(
    _ header: LayoutIndicatorHeader, _ kinds: LayoutBlockColumns, _ placed: [Placed],
    _ geometry: LayoutBlockGeometry, _ spans: LayoutLabelSpans
  ) -> [PlacedRow] {
    let columns = kinds.columns
    let headerRows = geometry.headerRows
    let rows = geometry.rows
    let labelStart = placed.filter { $0.column == 0 }.map(\.chunk.start).min()
    func positioned(_ cell: PlacedCell) -> PlacedCell {
      var cell = cell
      let c = cell.column ?? 0
      cell.layoutStart = c == 0 ? labelStart : columns[min(c, columns.count) - 1].start
      return cell
    }
    var out: [PlacedRow] = []
    for r in 0..<geometry.extents.count {
      var cells: [PlacedCell] = []
      for c in kinds.labelColumns {
        if let start = spans.starts[c]?[r] {
          cells.append(
            PlacedCell(
              paragraphs: [LayoutText.joinWrapped(start.label.parts)],
              location: start.label.location, column: c, rowSpan: start.span))
        } else if !(spans.covered[c]?.contains(r) ?? false), r >= headerRows || c == 0 {
          cells.append(
            PlacedCell(paragraphs: [], location: rowLocation(r, rows, headerRows), column: c))
        }
      }
      if r < headerRows {
        for cell in header.cells where cell.row == r {
          let below = header.cells.contains { $0.column == cell.column && $0.row > r }
          cells.append(
            PlacedCell(
              paragraphs: [LayoutText.tidy(cell.text)], location: cell.location,
              column: cell.column, rowSpan: below ? nil : headerRows - r))
        }
        cells.sort { ($0.column ?? 0) < ($1.column ?? 0) }
        out.append(
          PlacedRow(
            cells: cells.map(positioned), location: cells.first?.location ?? lines[0].location(0)))
        continue
      }
      let row = rows[r - headerRows]
      for c in kinds.rowColumns {
        let chunks = (row.entries[c] ?? []).flatMap(\.chunks).sorted { $0.line < $1.line }
        if let first = chunks.first {
          cells.append(
            PlacedCell(
              paragraphs: [LayoutText.joinWrapped(chunks.map(\.chunk.text))],
              location: lines[first.line].location(first.chunk.start), column: c))
        } else {
          cells.append(
            PlacedCell(paragraphs: [], location: rowLocation(r, rows, headerRows), column: c))
        }
      }
      cells.sort { ($0.column ?? 0) < ($1.column ?? 0) }
      out.append(
        PlacedRow(cells: cells.map(positioned), location: rowLocation(r, rows, headerRows)))
    }
    return out
  }

  private func rowLocation(_ r: Int, _ rows: [Row], _ headerRows: Int) -> Location {
    guard r >= headerRows, r - headerRows < rows.count else { return lines[0].location(0) }
    let line = rows[r - headerRows].top
    guard line >= 0, line < lines.count else { return lines[0].location(0) }
    return lines[line].location(0)
  }

  /// Spans for labels printed at the top of their span: each label's row (nil when it is
  /// not on a row's first line) up to the next label's. Nil unless the first label sits on
  /// the scope's first row, every label starts a row, and no two share one (a centred
  /// label over several rows sits lower than its span's first row).
  static func topAlignedParts(_ rows: [Int?], scope: Range<Int>) -> [Range<Int>]? {
    let starts = rows.compactMap { $0 }
    guard starts.count == rows.count, starts.first == scope.lowerBound,
      starts.allSatisfy({ scope.contains($0) }),
      zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }),
      starts.count >= 2 || scope.count == 1
    else { return nil }
    return starts.indices.map { i in
      starts[i]..<(i + 1 < starts.count ? starts[i + 1] : scope.upperBound)
    }
  }

  /// The width of the text's first unbreakable piece: a run of Latin letters and digits, or
  /// one character.
  static func firstWordWidth(_ text: String) -> Int {
    let word = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "%") }
    return max(1, word.count)
  }

  /// Cuts a chunk where it runs over a column border with one space between the cells
  /// (`指标 1：审核市直 市直 62 家行政机` in narrow columns): at the space nearest the next
  /// column's start, between the end of this column's header text and that start.
  static func splitAtBorders(
    _ chunk: LayoutChunk, _ chars: [Character], _ columns: [LayoutIndicatorHeader.Column]
  ) -> [LayoutChunk] {
    for i in 0..<(columns.count - 1) {
      let next = columns[i + 1].start
      // pdftotext counts a Latin character as wide as a CJK one, so text after digits can
      // start a few columns early: the chunk need only come near the next column.
      guard chunk.start < next - 1, chunk.end >= next - 3 else { continue }
      let low = max(chunk.start + 1, min(columns[i].end, next) - 1)
      let high = min(chunk.end - 2, next)
      guard low <= high else { continue }
      // Not between a number and its unit (`大于等于 100 个` in a full column).
      let spaces = (low...high).filter {
        LayoutText.isSplitSpace(chars, $0) && !Self.joinsUnit(chars, at: $0)
      }
      guard let cut = spaces.min(by: { abs($0 - next) < abs($1 - next) }) else { continue }
      // The piece after the cut must start at (or just before) the next column, and the
      // piece before it must still belong to this one.
      let headCentre = Double(chunk.start + cut) / 2
      guard cut + 1 >= next - 3,
        abs(headCentre - columns[i].centre) < abs(headCentre - columns[i + 1].centre)
      else { continue }
      let clean = { (range: Range<Int>) in String(chars[range].filter { $0 != LayoutLine.pad }) }
      let head = LayoutChunk(start: chunk.start, end: cut, text: clean(chunk.start..<cut))
      let tail = LayoutChunk(start: cut + 1, end: chunk.end, text: clean((cut + 1)..<chunk.end))
      return splitAtBorders(head, chars, columns) + splitAtBorders(tail, chars, columns)
    }
    return [chunk]
  }

  /// True when the space at `i` stands between a number and a unit word after it (`100 个`,
  /// `5 万人次`).
  static func joinsUnit(_ chars: [Character], at i: Int) -> Bool {
    guard i > 0 else { return false }
    var end = i + 1
    while end < chars.count, chars[end] != " " { end += 1 }
    let word = String(chars[(i + 1)..<end].filter { $0 != LayoutLine.pad })
    return DialectWords.isSpacedUnit(word, after: chars[i - 1])
  }

  /// Splits `效益指标 社会效益指标` (two labels one space apart) into two chunks.
  static func splitLabels(_ chunks: [LayoutChunk]) -> [LayoutChunk] {
    var out: [LayoutChunk] = []
    for chunk in chunks {
      let chars = Array(chunk.text)
      var start = 0
      var pieces: [LayoutChunk] = []
      for (i, c) in chars.enumerated() where c == " " && i > 0 {
        let left = String(chars[start..<i])
        if left.hasSuffix("指标"), i + 1 < chars.count, isCJK(chars[i + 1]) {
          pieces.append(chunk.piece(start..<i))
          start = i + 1
        }
      }
      if pieces.isEmpty {
        out.append(chunk)
      } else {
        pieces.append(chunk.piece(start..<chars.count))
        out += pieces
      }
    }
    return out
  }
}
